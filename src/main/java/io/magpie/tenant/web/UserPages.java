package io.magpie.tenant.web;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.Role;
import io.magpie.tenant.UserAdministration;
import io.magpie.tenant.UserChange;
import io.magpie.tenant.UserView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lists and creates console users, changes their role or name, enables, disables, resets passwords. */
@Controller
@RequestMapping("/settings/users")
class UserPages {

    private static final String VIEW = "tenant/users";

    private final UserAdministration users;
    private final Pages pages;

    UserPages(UserAdministration users, Pages pages) {
        this.users = users;
        this.pages = pages;
    }

    /** What the create form shows again after a refused attempt (never the password). */
    record UserForm(String username, String displayName, Role role) {}

    @GetMapping
    String list(@RequestParam(required = false) String cursor, Model model, HttpServletRequest request) {
        return render(cursor, model, request);
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) Role role,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        model.addAttribute("form", new UserForm(username, displayName, role));
        return change(
                () -> users.create(username, displayName, password, role),
                "tenant.users.created",
                model,
                request,
                redirect,
                locale);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) Role role,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        return change(
                () -> users.update(id, new UserChange(displayName, role, null)),
                "tenant.users.updated",
                model,
                request,
                redirect,
                locale);
    }

    @PostMapping("/{id}/enabled")
    String enable(
            @PathVariable long id,
            @RequestParam boolean enabled,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        return change(
                () -> users.update(id, new UserChange(null, null, enabled)),
                enabled ? "tenant.users.enabledNotice" : "tenant.users.disabledNotice",
                model,
                request,
                redirect,
                locale);
    }

    @PostMapping("/{id}/password")
    String password(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String password,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        return change(
                () -> {
                    users.changePassword(id, password);
                    return users.get(id);
                },
                "tenant.users.passwordChanged",
                model,
                request,
                redirect,
                locale);
    }

    /**
     * Runs a change and answers with the list and a notice; htmx gets the fragment, a plain form
     * post is redirected. A refused change shows why and keeps what was typed.
     */
    private String change(
            Supplier<UserView> action,
            String noticeKey,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            UserView user = action.get();
            String notice = pages.message(noticeKey, locale, user.username());
            if (!Pages.htmx(request)) {
                redirect.addFlashAttribute("notice", notice);
                return "redirect:/settings/users";
            }
            model.addAttribute("notice", notice);
            model.asMap().remove("form");
        } catch (ProblemException e) {
            model.addAttribute("error", pages.message(e, locale));
        }
        return render(null, model, request);
    }

    private String render(String cursor, Model model, HttpServletRequest request) {
        CursorPage<UserView> page;
        try {
            page = users.list(100, cursor);
        } catch (ProblemException badCursor) {
            page = users.list(100, null);
        }
        model.addAttribute("users", page);
        model.addAttribute("roles", Role.values());
        model.addAttribute("zone", pages.zone());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm("", "", Role.OPERATOR));
        }
        return Pages.view(VIEW, request);
    }
}
