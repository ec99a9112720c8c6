package io.magpie.tenant.web;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.AuditEntry;
import io.magpie.tenant.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log as a table with each entry's changes spelled out, filterable by action. */
@Controller
@RequestMapping("/settings/audit-log")
class AuditLogPages {

    private static final String VIEW = "tenant/audit-log";
    private static final int PAGE = 50;

    private final AuditLog audit;
    private final Pages pages;
    private final MessageSource messages;

    AuditLogPages(AuditLog audit, Pages pages, MessageSource messages) {
        this.audit = audit;
        this.pages = pages;
        this.messages = messages;
    }

    /** An entry with its label and changes, for the template. */
    record Row(AuditEntry entry, String label, List<AuditDiff.Change> changes) {}

    /** A filter choice: the action and its label in the reader's language. */
    record Choice(String action, String label) {}

    @GetMapping
    String list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String cursor,
            Model model,
            HttpServletRequest request,
            Locale locale) {
        String filter = action == null || action.isBlank() ? null : action;
        CursorPage<AuditEntry> page;
        try {
            page = audit.entries(filter, null, PAGE, cursor);
        } catch (ProblemException badInput) {
            filter = null;
            page = audit.entries(null, null, PAGE, null);
        }
        model.addAttribute(
                "rows",
                page.items().stream()
                        .map(e -> new Row(e, label(e.action(), locale), AuditDiff.of(e.before(), e.after())))
                        .toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("action", filter);
        model.addAttribute(
                "actions",
                audit.actions().stream()
                        .map(a -> new Choice(a, label(a, locale)))
                        .toList());
        model.addAttribute("zone", pages.zone());
        return Pages.view(VIEW, request);
    }

    /** Other modules record their own actions too: without a translation the action itself is shown. */
    private String label(String action, Locale locale) {
        return messages.getMessage("tenant.audit.action." + action, null, action, locale);
    }
}
