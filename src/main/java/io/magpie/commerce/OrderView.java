package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/** An order as the API shows it; amounts in minor units. */
record OrderView(
        String orderId,
        OrderStatus status,
        String customerId,
        String store,
        String channel,
        String currency,
        long subtotal,
        long discount,
        long freight,
        long total,
        long refunded,
        Instant orderedAt,
        Instant paidAt,
        Instant cancelledAt,
        String cancelReason,
        List<OrderLineView> lines,
        List<RefundView> refunds,
        List<AppliedPromotion> promotions) {

    /** One line: {@code discount} includes the line's share of the order discount. */
    record OrderLineView(
            String lineId,
            String sku,
            String product,
            int quantity,
            long unitPrice,
            long discount,
            long amount,
            int refundedQuantity,
            long refunded) {}
}
