package io.magpie.console;

import io.magpie.commerce.SalesOverview;
import io.magpie.commerce.SalesOverview.DailySales;
import io.magpie.commerce.SalesOverview.StatusCount;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: the last 30 days against the 30 before (in the tenant's time zone, today
 * included), daily sales of the last 90 days, orders by status, best products and categories.
 */
@Controller
class DashboardPage {

    static final int KPI_DAYS = 30;
    static final int CHART_DAYS = 90;
    static final int TOP = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SalesOverview sales;
    private final Tenants tenants;
    private final MessageSource messages;
    private final Clock clock;

    DashboardPage(SalesOverview sales, Tenants tenants, MessageSource messages, Clock clock) {
        this.sales = sales;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        TenantView tenant = tenants.get(Tenancy.currentTenantId());
        ZoneId zone = tenant.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = start(today.minusDays(KPI_DAYS - 1), zone);
        Instant to = start(today.plusDays(1), zone);
        Instant before = start(today.minusDays(2 * KPI_DAYS - 1), zone);
        List<DailySales> daily = sales.daily(tenant.id(), today.minusDays(CHART_DAYS - 1), today, zone);
        List<StatusCount> statuses = sales.ordersByStatus(tenant.id(), from, to);

        model.addAttribute("currency", tenant.currency());
        model.addAttribute("zone", zone);
        model.addAttribute("periodFrom", today.minusDays(KPI_DAYS - 1));
        model.addAttribute("periodTo", today);
        model.addAttribute("kpis", sales.kpis(tenant.id(), from, to));
        model.addAttribute("previous", sales.kpis(tenant.id(), before, from));
        model.addAttribute("statuses", statuses);
        model.addAttribute(
                "statusTotal", statuses.stream().mapToLong(StatusCount::orders).sum());
        model.addAttribute("topProducts", sales.topProducts(tenant.id(), from, to, TOP));
        model.addAttribute("topCategories", sales.topCategories(tenant.id(), from, to, TOP));
        model.addAttribute("chartJson", chartJson(daily, statuses, tenant.currency()));
        model.addAttribute("chartHasSales", daily.stream().anyMatch(d -> d.orders() > 0));
        return "console/dashboard";
    }

    private String chartJson(List<DailySales> daily, List<StatusCount> statuses, String currency) {
        int digits = fractionDigits(currency);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", daily.stream().map(d -> d.day().toString()).toList());
        data.put(
                "gmv",
                daily.stream()
                        .map(d -> BigDecimal.valueOf(d.gmvMinor(), digits))
                        .toList());
        data.put("orders", daily.stream().map(DailySales::orders).toList());
        data.put(
                "statuses",
                statuses.stream()
                        .map(s -> Map.of(
                                "name",
                                messages.getMessage("commerce.order.status." + s.status(), null, s.status(), locale),
                                "value",
                                s.orders(),
                                "status",
                                s.status()))
                        .toList());
        // the JSON sits inside a <script> element: "</" must not close it
        return JSON.writeValueAsString(data).replace("</", "<\\/");
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
