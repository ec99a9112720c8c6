package io.magpie.commerce;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A merchant's order as posted to the API. Fields are loosely typed on purpose ({@code Long}, strings
 * for instants) so that {@link OrderChecks} can report every problem with its path instead of the
 * JSON reader stopping at the first.
 */
record OrderCommand(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the merchant's order id, [A-Za-z0-9._:-]{1,64}")
        String orderId,

        @Schema(description = "the merchant's customer id; an unknown one creates a customer")
        String customerId,

        @Schema(description = "store code") String store,

        @Schema(description = "[a-z0-9_]{1,32}", defaultValue = "online")
        String channel,

        @Schema(description = "must be the tenant's currency")
        String currency,

        @Schema(description = "ISO-8601 with offset; default now; at most 5 minutes ahead")
        String orderedAt,

        @Schema(description = "order-level discount in minor units, prorated over the lines", defaultValue = "0")
        Long discount,

        @Schema(description = "minor units", defaultValue = "0")
        Long freight,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 200 lines")
        List<OrderLineCommand> lines,

        @Schema(
                description = "at most 50 promotions and coupons applied, each an entry of the cart evaluation's"
                        + " applied list; their discounts are part of the line and order discounts above")
        List<OrderPromotionCommand> promotions) {}
