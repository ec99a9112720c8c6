package io.magpie.promotion;

import java.time.Instant;

/**
 * An unpaid order was cancelled (or timed out): its promotion's limits are given back and its coupon,
 * if any, returned to the wallet in {@code couponState} (AVAILABLE, or EXPIRED when its validity ended).
 */
public record PromotionReleased(
        long tenantId,
        String orderId,
        long campaignId,
        Long couponId,
        CouponState couponState,
        String customerId,
        long discount,
        long freightDiscount,
        Instant releasedAt) {}
