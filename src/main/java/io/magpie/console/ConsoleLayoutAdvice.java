package io.magpie.console;

import io.magpie.platform.ConsoleMenuItem;
import io.magpie.platform.RequestIds;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts what the shell needs (navigation, current path, tenant name) into every rendered console
 * page. An interceptor rather than a {@code @ModelAttribute} advice: it runs only when a view is
 * rendered, so JSON endpoints pay nothing for the shell.
 */
class ConsoleLayoutAdvice implements HandlerInterceptor {

    private final List<ConsoleMenuItem> items;
    private final Tenants tenants;

    ConsoleLayoutAdvice(List<ConsoleMenuItem> items, Tenants tenants) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(ConsoleMenuItem::order))
                .toList();
        this.tenants = tenants;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        mav.addObject("navigation", navigation(auth));
        mav.addObject("currentPath", currentPath(request));
        // lets an error page quote the id that the logs carry
        mav.addObject("requestId", response.getHeader(RequestIds.HEADER));
        mav.addObject(
                "tenantName",
                Tenancy.findActor()
                        .flatMap(a -> tenants.find(a.tenantId()))
                        .map(t -> t.name())
                        .orElse(""));
    }

    /** The path the browser asked for; on an error dispatch, the path that failed. */
    static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Groups in the order of their first item; items in their order; only those the user's roles may see. */
    Map<String, List<ConsoleMenuItem>> navigation(Authentication auth) {
        Map<String, List<ConsoleMenuItem>> groups = new LinkedHashMap<>();
        if (auth == null || !(auth.getPrincipal() instanceof io.magpie.platform.Actor)) {
            return groups;
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.replace("ROLE_", ""))
                .collect(Collectors.toSet());
        for (ConsoleMenuItem item : items) {
            if (item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains)) {
                groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
            }
        }
        return groups;
    }
}
