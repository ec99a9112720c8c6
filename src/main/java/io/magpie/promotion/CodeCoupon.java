package io.magpie.promotion;

import java.time.Instant;
import java.util.Objects;

/**
 * What a typed coupon code would give the customer, computed without writing anything
 * ({@link CouponIssuance#previewCode}): the coupon template behind the code and the validity a
 * redemption at that moment would give.
 *
 * @param code the code as stored (upper-case)
 * @param template the COUPON campaign the code's batch is linked to
 * @param validFrom start of the coupon's validity (the held coupon's when {@code couponId} is set)
 * @param expiresAt end of the validity, exclusive
 * @param couponId the coupon this customer already redeemed the code into, or null when not redeemed yet
 * @param unavailable null when the code can be used now (redeemed on the fly, or the customer's held coupon is
 *     usable); otherwise the stable problem code a redemption would answer: {@code code_used}, {@code
 *     not_claimable}, {@code not_started}, {@code ended}, {@code limit_reached}, {@code sold_out}, {@code
 *     audience_mismatch}, {@code expired} (the held coupon expired)
 */
public record CodeCoupon(
        String code, Campaign template, Instant validFrom, Instant expiresAt, Long couponId, String unavailable) {

    public CodeCoupon {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(template, "template");
    }

    /** Whether the code can be applied now. */
    public boolean usable() {
        return unavailable == null;
    }
}
