package io.magpie.commerce.web;

import io.magpie.platform.Tenancy;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every commerce page shares: the tenant's currency and zone, htmx fragments, filter parsing. */
@Component
class PageSupport {

    private final Tenants tenants;

    PageSupport(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The current tenant, also put into the model as {@code currency} and {@code zone}. */
    TenantView tenant(Model model) {
        TenantView tenant = tenants.get(Tenancy.currentTenantId());
        model.addAttribute("currency", tenant.currency());
        model.addAttribute("zone", tenant.timeZone());
        return tenant;
    }

    /**
     * The whole page, or only its {@code results} fragment for an htmx request. Caches must keep
     * the two apart, hence {@code Vary}.
     */
    static String view(String page, String hxRequest, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        return "true".equals(hxRequest) ? page + " :: results" : page;
    }

    /** The link to the next page: the current query with the new cursor, or null on the last page. */
    static String nextUrl(String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", nextCursor)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    /** The link back to the first page (same filters, no cursor), or null when this is the first page. */
    static String firstUrl(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor")
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter value is kept only if it is one of the allowed ones; anything else means "any". */
    static String oneOf(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code %value%} for ILIKE with the user's own wildcards taken literally. */
    static String contains(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
