package io.magpie.promotion;

import java.time.Instant;

/** One promotion on one order as stored (see {@link RedemptionStatus}). Amounts in minor units. */
record Redemption(
        long id,
        long tenantId,
        String orderId,
        long campaignId,
        Long couponId,
        String code,
        String customerId,
        int stage,
        long discount,
        long freightDiscount,
        long refunded,
        long clawback,
        RedemptionStatus status,
        String operationId,
        Instant orderedAt,
        Instant reservedAt,
        Instant committedAt,
        Instant closedAt) {

    /** What the promotion cost in all: line discount plus freight discount. */
    long cost() {
        return discount + freightDiscount;
    }

    /** What it still costs after refunds and claw-back. */
    long net() {
        return cost() - refunded - clawback;
    }
}
