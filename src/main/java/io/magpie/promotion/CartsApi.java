package io.magpie.promotion;

import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Cart evaluation for shops, and the dry-run of a campaign for operators. */
@RestController
@Tag(name = "Cart evaluation", description = "Price a cart with every running promotion; side-effect free")
class CartsApi {

    private final CartEvaluation evaluation;

    CartsApi(CartEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @PostMapping("/api/v1/carts/evaluate")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Price a cart",
            description = "Each line's payable amount and its share of every promotion, totals, gifts, the applied"
                    + " promotions in the shape POST /api/v1/orders takes, and every candidate with status, reason and"
                    + " a message in the Accept-Language (en, zh-CN). At most 200 lines, 20 coupon codes, quantities"
                    + " 1..10000. Nothing is reserved.")
    CartEvaluationView evaluate(@RequestBody CartEvaluationRequest body, Locale locale) {
        return evaluation.evaluate(Tenancy.currentTenantId(), body, locale);
    }

    @PostMapping("/api/v1/campaigns/{id}/evaluate")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Dry-run a campaign on a cart",
            description = "Like POST /api/v1/carts/evaluate, with this campaign priced as if it were running (a"
                    + " draft, a scheduled or paused one; not an archived one). A coupon template counts as held.")
    CartEvaluationView dryRun(@PathVariable long id, @RequestBody CartEvaluationRequest body, Locale locale) {
        return evaluation.dryRun(Tenancy.currentTenantId(), id, body, locale);
    }
}
