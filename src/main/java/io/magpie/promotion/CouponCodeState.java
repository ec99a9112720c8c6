package io.magpie.promotion;

/** The life of one coupon code. */
public enum CouponCodeState {
    AVAILABLE,
    ISSUED,
    REDEEMED,
    VOID
}
