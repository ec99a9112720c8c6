package io.magpie.flashsale.web;

import io.magpie.flashsale.FlashSaleMonitor;
import io.magpie.flashsale.FlashSaleSessions;
import io.magpie.flashsale.ItemCommand;
import io.magpie.flashsale.LiveSale;
import io.magpie.flashsale.ReservationStatus;
import io.magpie.flashsale.SessionCommand;
import io.magpie.flashsale.SessionView;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions (list, create), one session with its items (add, edit, publish, cancel), its live
 * dashboard (a fragment htmx polls every second) and its reservations.
 */
@Controller
class FlashSalePages {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final FlashSaleSessions sessions;
    private final FlashSaleMonitor monitor;
    private final Tenants tenants;
    private final MessageSource messages;

    FlashSalePages(FlashSaleSessions sessions, FlashSaleMonitor monitor, Tenants tenants, MessageSource messages) {
        this.sessions = sessions;
        this.monitor = monitor;
        this.tenants = tenants;
        this.messages = messages;
    }

    @GetMapping("/flash-sales")
    String list(@RequestParam(required = false) String cursor, Model model) {
        TenantView tenant = tenant(model);
        CursorPage<SessionView> page;
        try {
            page = sessions.list(tenant.id(), null, null, cursor);
        } catch (ProblemException badCursor) {
            page = sessions.list(tenant.id(), null, null, null);
        }
        model.addAttribute("page", page);
        return "flashsale/sessions";
    }

    @PostMapping("/flash-sales")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String endsAt,
            @RequestParam(defaultValue = "") String preheatAt,
            @RequestParam(required = false) Integer perCustomerLimit,
            @RequestParam(defaultValue = "false") boolean purchaseTokenRequired,
            RedirectAttributes redirect,
            Locale locale) {
        ZoneId zone = tenants.get(Tenancy.currentTenantId()).timeZone();
        return act(
                () -> sessions.create(
                                Tenancy.currentTenantId(),
                                new SessionCommand(
                                        name,
                                        offset(startsAt, zone),
                                        offset(endsAt, zone),
                                        zone.getId(),
                                        offset(preheatAt, zone),
                                        perCustomerLimit,
                                        purchaseTokenRequired))
                        .id(),
                "flashsale.notice.created",
                "/flash-sales",
                redirect,
                locale);
    }

    @GetMapping("/flash-sales/{id}")
    String detail(@PathVariable long id, Model model) {
        tenant(model);
        model.addAttribute("sale", sessions.get(Tenancy.currentTenantId(), id));
        return "flashsale/session";
    }

    @PostMapping("/flash-sales/{id}/items")
    String addItem(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String sku,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String flashPrice,
            @RequestParam(required = false) String originalPrice,
            @RequestParam(required = false) Integer stock,
            @RequestParam(required = false) Integer perCustomerLimit,
            RedirectAttributes redirect,
            Locale locale) {
        String currency = tenants.get(Tenancy.currentTenantId()).currency();
        return act(
                () -> {
                    sessions.addItem(
                            Tenancy.currentTenantId(),
                            id,
                            new ItemCommand(
                                    sku,
                                    name,
                                    minor(originalPrice, currency),
                                    minor(flashPrice, currency),
                                    stock,
                                    perCustomerLimit,
                                    null));
                    return id;
                },
                "flashsale.notice.itemAdded",
                "/flash-sales/" + id,
                redirect,
                locale);
    }

    @PostMapping("/flash-sales/{id}/items/{item}")
    String updateItem(
            @PathVariable long id,
            @PathVariable long item,
            @RequestParam(defaultValue = "") String sku,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String flashPrice,
            @RequestParam(required = false) String originalPrice,
            @RequestParam(required = false) Integer stock,
            @RequestParam(required = false) Integer perCustomerLimit,
            RedirectAttributes redirect,
            Locale locale) {
        String currency = tenants.get(Tenancy.currentTenantId()).currency();
        return act(
                () -> {
                    sessions.updateItem(
                            Tenancy.currentTenantId(),
                            id,
                            item,
                            new ItemCommand(
                                    sku,
                                    name,
                                    minor(originalPrice, currency),
                                    minor(flashPrice, currency),
                                    stock,
                                    perCustomerLimit,
                                    null));
                    return id;
                },
                "flashsale.notice.itemUpdated",
                "/flash-sales/" + id,
                redirect,
                locale);
    }

    @PostMapping("/flash-sales/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(
                () -> sessions.publish(Tenancy.currentTenantId(), id).id(),
                "flashsale.notice.published",
                "/flash-sales/" + id,
                redirect,
                locale);
    }

    @PostMapping("/flash-sales/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(
                () -> sessions.cancel(Tenancy.currentTenantId(), id).id(),
                "flashsale.notice.cancelled",
                "/flash-sales/" + id,
                redirect,
                locale);
    }

    @GetMapping("/flash-sales/{id}/dashboard")
    String dashboard(@PathVariable long id, Model model) {
        tenant(model);
        model.addAttribute("sale", sessions.get(Tenancy.currentTenantId(), id));
        live(id, model);
        return "flashsale/dashboard";
    }

    @GetMapping("/flash-sales/{id}/dashboard/live")
    String dashboardLive(@PathVariable long id, Model model) {
        tenant(model);
        live(id, model);
        return "flashsale/dashboard :: live";
    }

    @GetMapping("/flash-sales/{id}/reservations")
    String reservations(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String cursor,
            Model model) {
        tenant(model);
        long tenant = Tenancy.currentTenantId();
        ReservationStatus s = Arrays.stream(ReservationStatus.values())
                .filter(v -> v.name().equals(status))
                .findFirst()
                .orElse(null);
        String c = customer == null || customer.isBlank() ? null : customer.strip();
        var page = safe(
                () -> sessions.reservations(tenant, id, s, c, null, cursor),
                () -> sessions.reservations(tenant, id, s, c, null, null));
        model.addAttribute("sale", sessions.get(tenant, id));
        model.addAttribute("page", page);
        model.addAttribute("status", s);
        model.addAttribute("customer", c);
        model.addAttribute("statuses", ReservationStatus.values());
        model.addAttribute(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : "/flash-sales/" + id + "/reservations?cursor=" + page.nextCursor()
                                + (s == null ? "" : "&status=" + s)
                                + (c == null
                                        ? ""
                                        : "&customer="
                                                + java.net.URLEncoder.encode(
                                                        c, java.nio.charset.StandardCharsets.UTF_8)));
        return "flashsale/reservations";
    }

    private void live(long id, Model model) {
        LiveSale sale = monitor.live(Tenancy.currentTenantId(), id);
        model.addAttribute("live", sale);
        model.addAttribute("liveJson", JSON.writeValueAsString(sale));
    }

    private String act(
            Supplier<Long> action, String noticeKey, String fallback, RedirectAttributes redirect, Locale locale) {
        try {
            long id = action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(noticeKey, null, noticeKey, locale));
            return "redirect:/flash-sales/" + id;
        } catch (ProblemException e) {
            String key = "validation_failed".equals(e.code())
                            && !e.fieldProblems().isEmpty()
                    ? "flashsale.error.field." + e.fieldProblems().get(0).field()
                    : "flashsale.error." + e.code();
            redirect.addFlashAttribute("error", messages.getMessage(key, null, e.getMessage(), locale));
            return "redirect:" + fallback;
        }
    }

    private TenantView tenant(Model model) {
        TenantView tenant = tenants.get(Tenancy.currentTenantId());
        model.addAttribute("currency", tenant.currency());
        model.addAttribute("zone", tenant.timeZone());
        return tenant;
    }

    private static <T> T safe(Supplier<T> first, Supplier<T> fallback) {
        try {
            return first.get();
        } catch (ProblemException e) {
            return fallback.get();
        }
    }

    /** A datetime-local value in the tenant's zone as an ISO instant with offset; blank stays null. */
    static String offset(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip())
                    .atZone(zone)
                    .toOffsetDateTime()
                    .toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    /**
     * "9.90" (major units, as typed and as the form shows them) to 990 minor units, with the
     * currency's own minor digits (0 for JPY); unparsable stays a validation problem.
     */
    static Long minor(String major, String currency) {
        if (major == null || major.isBlank()) {
            return null;
        }
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = 2;
        }
        try {
            return new java.math.BigDecimal(major.strip())
                    .movePointRight(digits)
                    .setScale(0, java.math.RoundingMode.UNNECESSARY)
                    .longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return -1L;
        }
    }
}
