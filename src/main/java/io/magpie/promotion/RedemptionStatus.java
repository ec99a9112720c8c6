package io.magpie.promotion;

/**
 * Where one promotion of one order is: RESERVED when the order was created, COMMITTED when it was paid,
 * RELEASED when it was cancelled unpaid; refunds move a committed one to PARTIALLY_ROLLED_BACK, to
 * ROLLED_BACK (the whole order refunded) or to REVERTED (the REVERT policy took the rest back).
 */
public enum RedemptionStatus {
    RESERVED,
    COMMITTED,
    RELEASED,
    PARTIALLY_ROLLED_BACK,
    ROLLED_BACK,
    REVERTED;

    /** Paid at some point: counts in the results. */
    boolean paid() {
        return this != RESERVED && this != RELEASED;
    }

    /** Refunds may still change it. */
    boolean refundable() {
        return this == COMMITTED || this == PARTIALLY_ROLLED_BACK;
    }
}
