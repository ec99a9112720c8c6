package io.magpie.tenant.web;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the settings pages share: full page or htmx fragment, the tenant's zone, problem messages. */
@Component
class Pages {

    private final MessageSource messages;
    private final Tenants tenants;

    Pages(MessageSource messages, Tenants tenants) {
        this.messages = messages;
        this.tenants = tenants;
    }

    /** The whole page for a normal request, only its {@code content} section for htmx. */
    static String view(String template, HttpServletRequest request) {
        return htmx(request) ? template + " :: content" : template;
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    ZoneId zone() {
        return tenants.get(Tenancy.currentTenantId()).timeZone();
    }

    /** A problem in the reader's language: by field for invalid input, by code otherwise. */
    String message(ProblemException problem, Locale locale) {
        String key = "validation_failed".equals(problem.code())
                        && !problem.fieldProblems().isEmpty()
                ? "tenant.error.field." + problem.fieldProblems().get(0).field().replaceAll("\\[\\d+]$", "")
                : "tenant.error." + problem.code();
        return messages.getMessage(key, null, problem.getMessage(), locale);
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
