package io.magpie.promotion;

/** AVAILABLE → LOCKED (an order reserved it) → REDEEMED (paid), or back to AVAILABLE / EXPIRED (released). */
public enum CouponState {
    AVAILABLE,
    LOCKED,
    REDEEMED,
    EXPIRED,
    VOID
}
