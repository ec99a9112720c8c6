package io.magpie.promotion;

/** One stored coupon code (upper-case) and whom it was issued to, if anyone. */
public record CouponCodeView(long id, long batchId, String code, CouponCodeState state, String customerId) {}
