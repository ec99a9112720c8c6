package io.magpie.promotion;

/**
 * What happens to a threshold promotion or coupon when a refund takes the rest of the order below its
 * threshold: KEEP leaves the remaining discount with the customer; REVERT takes the whole promotion
 * back (its remaining discount becomes a claw-back and a coupon returns to the wallet if still valid).
 */
public enum RefundPolicy {
    KEEP,
    REVERT
}
