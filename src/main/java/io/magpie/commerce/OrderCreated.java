package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/**
 * An order was placed (not yet paid): reserve what it uses. Amounts are minor units. {@code promotions}
 * are the promotions and coupons the shop applied, each with its allocation over {@code lines}
 * (empty for orders without, such as CSV imports).
 */
public record OrderCreated(
        long tenantId,
        String orderId,
        String customerId,
        String store,
        String channel,
        String currency,
        long subtotal,
        long discount,
        long freight,
        long total,
        Instant orderedAt,
        List<OrderLine> lines,
        List<AppliedPromotion> promotions) {

    public OrderCreated {
        lines = List.copyOf(lines);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
    }
}
