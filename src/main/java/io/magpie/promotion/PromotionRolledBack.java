package io.magpie.promotion;

import java.time.Instant;

/**
 * A refund gave back {@code amount} of a promotion's discount: the refunded units' shares. {@code full}
 * when the whole order was refunded: then the whole discount is rolled back and a coupon returns to the
 * wallet in {@code couponState}.
 */
public record PromotionRolledBack(
        long tenantId,
        String orderId,
        String refundId,
        long campaignId,
        Long couponId,
        String customerId,
        long amount,
        boolean full,
        CouponState couponState,
        Instant refundedAt) {}
