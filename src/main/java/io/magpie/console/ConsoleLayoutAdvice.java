package io.magpie.console;

import io.magpie.platform.ConsoleMenuItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation of the modules that exist into every console page. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleLayoutAdvice {

    private final List<ConsoleMenuItem> items;

    ConsoleLayoutAdvice(List<ConsoleMenuItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(ConsoleMenuItem::order))
                .toList();
    }

    /** The request path, for marking the active navigation link (Thymeleaf 3.1 has no #request object). */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("navigation")
    Map<String, List<ConsoleMenuItem>> navigation(Authentication auth) {
        Map<String, List<ConsoleMenuItem>> groups = new LinkedHashMap<>();
        if (auth == null) {
            return groups;
        }
        List<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.replace("ROLE_", ""))
                .toList();
        for (ConsoleMenuItem item : items) {
            if (item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains)) {
                groups.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>())
                        .add(item);
            }
        }
        return groups;
    }
}
