package io.magpie.promotion.pricing;

/** How a promotion combines with others: never, within configured limits, or always. */
public enum Stacking {
    EXCLUSIVE,
    COMMON,
    ALWAYS
}
