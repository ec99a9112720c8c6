package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/** Units of a paid order were refunded: roll back exactly their share. */
public record OrderRefunded(
        long tenantId,
        String orderId,
        String refundId,
        String customerId,
        long amount,
        List<RefundedLine> lines,
        Instant refundedAt) {

    public OrderRefunded {
        lines = List.copyOf(lines);
    }
}
