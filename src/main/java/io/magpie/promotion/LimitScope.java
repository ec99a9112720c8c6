package io.magpie.promotion;

/** Whose usage a limit counts separately: the subject key passed to {@link LimitCounters}. */
public enum LimitScope {
    CAMPAIGN,
    COUPON,
    CUSTOMER,
    STORE,
    DEVICE
}
