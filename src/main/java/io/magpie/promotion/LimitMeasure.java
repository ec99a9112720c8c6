package io.magpie.promotion;

/** What a limit counts. */
public enum LimitMeasure {
    DISCOUNT_AMOUNT,
    REDEMPTIONS,
    COUPONS_ISSUED,
    POINTS_ISSUED
}
