package io.magpie.promotion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cart to price (POST /api/v1/carts/evaluate). Limits: at most {@value CartEvaluationChecks#MAX_LINES}
 * lines, {@value CartEvaluationChecks#MAX_CODES} coupon codes and coupon ids, quantities 1..10,000.
 *
 * @param couponCodes codes the shopper typed (a code already redeemed into one of their coupons uses it)
 * @param couponIds coupons the shopper chose among those they hold; when given, their other coupons are
 *     not considered (reported {@code not_selected})
 * @param selection an explicit combination of candidate ids ({@code P<campaign id>}, {@code C<coupon id>});
 *     absent: Magpie recommends the best one
 * @param freight shipping fee in minor units before free-shipping offers (default 0)
 * @param at the instant to price at (default now)
 */
public record CartEvaluationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Line> lines,
        Customer customer,
        List<String> couponCodes,
        List<Long> couponIds,
        List<String> selection,
        String channel,
        String store,
        Long freight,
        Instant at) {

    /** One cart line; amounts in minor units. */
    public record Line(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "unique within the cart")
            String lineId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String sku,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "10000")
            Long quantity,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "10000000000")
            Long unitPrice,

            @Schema(description = "lowest unit price any discount may reach (最低价保护)")
            Long floorUnitPrice,

            @Schema(description = "the customer's first purchase of this product (trial prices)")
            Boolean firstPurchase) {}

    /** The shopper: the merchant's customer id, tier and attributes for audience conditions. */
    public record Customer(String id, String tier, Map<String, String> attributes) {}
}
