package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Results of a campaign: totals, budgets, coupons and a daily series. */
@RestController
@Tag(name = "Campaign results", description = "What a campaign achieved and cost, over time")
class CampaignResultsApi {

    private final CampaignResults results;

    CampaignResultsApi(CampaignResults results) {
        this.results = results;
    }

    @GetMapping("/api/v1/campaigns/{id}/results")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(
            summary = "Results of a campaign",
            description = "from and to are dates (YYYY-MM-DD) in the tenant's time zone, both inclusive, at most 366"
                    + " days apart; default the last 30 days. Orders count on the day they were placed; paid orders"
                    + " only (pending and released ones apart). discount_cost is net of refunds and claw-backs."
                    + " granularity: day.")
    CampaignResultsView results(
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "day") String granularity) {
        if (!"day".equals(granularity)) {
            throw ProblemException.invalidField("granularity", "unsupported", "granularity must be day");
        }
        return results.results(Tenancy.currentTenantId(), id, date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "invalid_date", field + " must be a date like 2026-11-24");
        }
    }
}
