package io.magpie.promotion;

/** How a coupon reached the customer. */
public enum CouponSource {
    /** The customer claimed it (coupon centre). */
    CLAIM,
    /** An operator issued it to the customer. */
    ISSUE,
    /** The customer redeemed a code for it. */
    CODE
}
