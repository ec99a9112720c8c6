package io.magpie.commerce;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One applied promotion of a posted order: an entry of {@code applied} of the cart evaluation, copied over. */
record OrderPromotionCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
        Long campaignId,

        @Schema(description = "the coupon used; absent for an automatic promotion", minimum = "1")
        Long couponId,

        @Schema(description = "the coupon code the customer typed, if any")
        String code,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "0",
                description = "goods discount in minor units; equals the sum of the allocations")
        Long discount,

        @Schema(minimum = "0", defaultValue = "0", description = "freight discount in minor units")
        Long freightDiscount,

        @Schema(description = "the discount's share per order line; sums to discount")
        List<Allocation> allocations) {

    /** One line's share of the promotion's discount. */
    @Schema(name = "OrderPromotionAllocation")
    record Allocation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String lineId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0")
            Long amount) {}
}
