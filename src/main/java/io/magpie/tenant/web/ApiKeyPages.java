package io.magpie.tenant.web;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.tenant.ApiKeyAdministration;
import io.magpie.tenant.ApiKeyView;
import io.magpie.tenant.CreatedApiKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lists, creates and revokes API keys; a new key's secret is shown once, in the creation response. */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeyPages {

    private static final String VIEW = "tenant/api-keys";

    private final ApiKeyAdministration keys;
    private final Pages pages;

    ApiKeyPages(ApiKeyAdministration keys, Pages pages) {
        this.keys = keys;
        this.pages = pages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String cursor, Model model, HttpServletRequest request) {
        return render(cursor, model, request);
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale) {
        try {
            CreatedApiKey created = keys.create(name, scopes);
            model.addAttribute("created", created);
            // the secret is in this response only: no cache may keep it
            response.setHeader("Cache-Control", "no-store");
        } catch (ProblemException e) {
            model.addAttribute("error", pages.message(e, locale));
            model.addAttribute("formName", name);
            model.addAttribute("formScopes", scopes == null ? List.of() : scopes);
        }
        return render(null, model, request);
    }

    @PostMapping("/{id}/revoke")
    String revoke(
            @PathVariable long id,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        String notice = null;
        String error = null;
        try {
            ApiKeyView key = keys.revoke(id);
            notice = pages.message("tenant.apiKeys.revoked", locale, key.name());
        } catch (ProblemException e) {
            error = pages.message(e, locale);
        }
        if (!Pages.htmx(request)) {
            redirect.addFlashAttribute(notice == null ? "error" : "notice", notice == null ? error : notice);
            return "redirect:/settings/api-keys";
        }
        model.addAttribute(notice == null ? "error" : "notice", notice == null ? error : notice);
        return render(null, model, request);
    }

    private String render(String cursor, Model model, HttpServletRequest request) {
        CursorPage<ApiKeyView> page;
        try {
            page = keys.list(100, cursor);
        } catch (ProblemException badCursor) {
            page = keys.list(100, null);
        }
        model.addAttribute("keys", page);
        model.addAttribute("allScopes", Scopes.ALL);
        model.addAttribute("zone", pages.zone());
        if (!model.containsAttribute("formScopes")) {
            model.addAttribute("formScopes", List.of(Scopes.READ));
        }
        return Pages.view(VIEW, request);
    }
}
