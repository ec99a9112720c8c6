package io.magpie.promotion;

import java.time.Instant;

/** A coupon was used for good: its order was paid. {@code discount} includes the freight discount it gave. */
public record CouponRedeemed(
        long tenantId,
        String orderId,
        long campaignId,
        long couponId,
        String customerId,
        long discount,
        Instant redeemedAt) {}
