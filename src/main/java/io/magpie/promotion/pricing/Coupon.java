package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.Objects;

/** A coupon held by the customer: an instance of a coupon promotion with its own validity. */
public record Coupon(String couponId, Promotion promotion, Instant validFrom, Instant expiresAt) {

    public Coupon {
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(promotion, "promotion");
    }
}
