package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/** An order was placed (not yet paid): reserve what it uses. Amounts are minor units. */
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
        List<OrderLine> lines) {

    public OrderCreated {
        lines = List.copyOf(lines);
    }
}
