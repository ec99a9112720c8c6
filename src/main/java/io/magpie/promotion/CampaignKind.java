package io.magpie.promotion;

/** Whether a campaign applies by itself or only through coupons customers hold. */
public enum CampaignKind {
    /** Applies whenever its rules match the cart. */
    AUTOMATIC,
    /** A coupon template: its rule applies through a coupon claimed, issued or redeemed from a code. */
    COUPON
}
