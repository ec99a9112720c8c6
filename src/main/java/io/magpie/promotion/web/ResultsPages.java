package io.magpie.promotion.web;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CampaignResults;
import io.magpie.promotion.CampaignResultsView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaign results in the console: a list of campaigns linking to their results, and one campaign's KPI
 * cards with a daily chart of orders, discount cost and GMV. The campaign pages link to
 * {@code /promotions/campaigns/{id}/results}; {@code /console/...} is an alias.
 */
@Controller
class ResultsPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignResults results;

    ResultsPages(CampaignResults results) {
        this.results = results;
    }

    @GetMapping("/promotions/results")
    String list(Model model) {
        model.addAttribute("campaigns", results.campaigns(Tenancy.currentTenantId()));
        return "promotion/results-list";
    }

    @GetMapping({"/promotions/campaigns/{id}/results", "/console/promotions/campaigns/{id}/results"})
    String campaign(
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        LocalDate last = date(to);
        LocalDate first = date(from);
        if (first != null
                && last != null
                && (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= CampaignResults.MAX_DAYS)) {
            first = null; // an impossible period falls back to the default one
            last = null;
        }
        CampaignResultsView view;
        try {
            view = results.results(Tenancy.currentTenantId(), id, first, last);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            view = results.results(Tenancy.currentTenantId(), id, null, null);
        }
        model.addAttribute("r", view);
        model.addAttribute("currency", view.currency());
        model.addAttribute("chartJson", chartJson(view));
        model.addAttribute(
                "hasOrders", view.totals().orders() > 0 || view.totals().pendingOrders() > 0);
        return "promotion/results";
    }

    private static String chartJson(CampaignResultsView view) {
        int digits = Math.max(0, Currency.getInstance(view.currency()).getDefaultFractionDigits());
        List<CampaignResultsView.Day> days = view.series();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", days.stream().map(d -> d.date().toString()).toList());
        data.put("orders", days.stream().map(CampaignResultsView.Day::orders).toList());
        data.put(
                "cost",
                days.stream()
                        .map(d -> BigDecimal.valueOf(d.discountCost(), digits))
                        .toList());
        data.put(
                "gmv",
                days.stream().map(d -> BigDecimal.valueOf(d.gmv(), digits)).toList());
        return JSON.writeValueAsString(data);
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
