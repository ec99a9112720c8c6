package io.magpie.promotion;

/**
 * A customer received a coupon: claimed it ({@link CouponSource#CLAIM}), was given it by an operator
 * ({@link CouponSource#ISSUE}) or redeemed a code for it ({@link CouponSource#CODE}). Published once per
 * coupon, inside the transaction that wrote it; replays publish nothing.
 */
public record CouponIssued(long tenantId, long couponId, long campaignId, String customerId, CouponSource source) {}
