package io.magpie.promotion;

import java.time.Instant;
import java.util.List;

/**
 * One promotion of an order as the API shows it. {@code refunded}: discount given back by refunds;
 * {@code clawback}: what the REVERT policy takes back from the customer (the merchant deducts it from the
 * refund); {@code net_discount} = discount + freight_discount − refunded − clawback.
 */
record RedemptionView(
        long campaignId,
        String campaignName,
        Long couponId,
        String code,
        RedemptionStatus status,
        long discount,
        long freightDiscount,
        long refunded,
        long clawback,
        long netDiscount,
        List<LineShareView> allocations,
        Instant reservedAt,
        Instant committedAt,
        Instant closedAt) {

    /** A promotion's share of one line and what refunds rolled back of it. */
    record LineShareView(String lineId, long amount, long rolledBack) {}

    /** The promotions of one order. */
    record OfOrder(String orderId, List<RedemptionView> promotions) {}
}
