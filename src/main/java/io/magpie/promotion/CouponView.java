package io.magpie.promotion;

import java.time.Instant;

/**
 * A customer's coupon as the API and console show it.
 *
 * @param state the stored state (AVAILABLE, LOCKED, REDEEMED, EXPIRED, VOID)
 * @param status what it means now: {@code usable}, {@code upcoming} (valid_from in the future), {@code used}
 *     (locked to an order or redeemed), {@code expired} (also an AVAILABLE coupon past its expiry that the sweep has
 *     not flipped yet) or {@code void}
 * @param threshold the spend the coupon needs (fen), null when none
 * @param shortfall with a cart amount: how much more the cart needs (fen), null when nothing is missing
 * @param hint localized shortfall text, e.g. "差12.00元可用"
 */
public record CouponView(
        long id,
        long campaignId,
        String templateName,
        String ruleType,
        String badge,
        String customerId,
        String code,
        CouponSource source,
        CouponState state,
        String status,
        Instant validFrom,
        Instant expiresAt,
        String validity,
        String orderId,
        Instant issuedAt,
        Long threshold,
        Long shortfall,
        String hint) {

    /** The status of a held coupon at {@code at}. */
    static String statusOf(HeldCoupon c, Instant at) {
        return switch (c.state()) {
            case AVAILABLE ->
                !at.isBefore(c.expiresAt()) ? "expired" : at.isBefore(c.validFrom()) ? "upcoming" : "usable";
            case LOCKED, REDEEMED -> "used";
            case EXPIRED -> "expired";
            case VOID -> "void";
        };
    }
}
