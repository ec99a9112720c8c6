package io.magpie.promotion;

import java.time.Instant;

/** A coupon a customer holds, as stored. */
public record HeldCoupon(
        long id,
        long campaignId,
        String customerId,
        String code,
        CouponSource source,
        CouponState state,
        Instant validFrom,
        Instant expiresAt,
        String orderId,
        Instant issuedAt) {

    /** Candidate id of this coupon in the pricing engine. */
    public String candidateId() {
        return "C" + id;
    }

    /** Whether it can be used at {@code at}: available and inside its validity. */
    public boolean usableAt(Instant at) {
        return state == CouponState.AVAILABLE && !at.isBefore(validFrom) && at.isBefore(expiresAt);
    }
}
