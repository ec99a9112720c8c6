package io.magpie.promotion;

import java.time.Instant;

/**
 * A refund took the rest of an order below a REVERT promotion's threshold: the refunded units' shares
 * ({@code rolledBack}) and the whole remaining discount ({@code clawback}, what the merchant deducts from
 * the refund) are taken back, and a coupon returns to the wallet in {@code couponState}.
 */
public record PromotionReverted(
        long tenantId,
        String orderId,
        String refundId,
        long campaignId,
        Long couponId,
        String customerId,
        long rolledBack,
        long clawback,
        CouponState couponState,
        Instant refundedAt) {}
