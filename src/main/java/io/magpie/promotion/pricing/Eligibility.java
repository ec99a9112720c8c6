package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Checks that do not depend on the lines: type, time window, audience, channel, store. */
final class Eligibility {

    static final Set<Stage> SUPPORTED_STAGES =
            EnumSet.of(Stage.ACTIVITY_PRICE, Stage.PRICE_LAYER, Stage.THRESHOLD, Stage.COUPON);

    private Eligibility() {}

    static Optional<ReasonCode> check(Candidate candidate, Cart cart) {
        Promotion p = candidate.promotion();
        Instant at = cart.at();
        if (candidate.type() == null
                || !SUPPORTED_STAGES.contains(candidate.type().stage())) {
            return Optional.of(ReasonCode.UNKNOWN_TYPE);
        }
        Coupon coupon = candidate.coupon();
        if ((p.startsAt() != null && at.isBefore(p.startsAt()))
                || (coupon != null && coupon.validFrom() != null && at.isBefore(coupon.validFrom()))) {
            return Optional.of(ReasonCode.NOT_STARTED);
        }
        if ((p.endsAt() != null && !at.isBefore(p.endsAt()))
                || (coupon != null && coupon.expiresAt() != null && !at.isBefore(coupon.expiresAt()))) {
            return Optional.of(ReasonCode.EXPIRED);
        }
        if (!p.tiers().isEmpty()
                && (cart.customer().tier() == null
                        || !p.tiers().contains(cart.customer().tier()))) {
            return Optional.of(ReasonCode.CUSTOMER_NOT_ELIGIBLE);
        }
        if (!p.channels().isEmpty() && (cart.channel() == null || !p.channels().contains(cart.channel()))) {
            return Optional.of(ReasonCode.CHANNEL_NOT_ELIGIBLE);
        }
        if (!p.stores().isEmpty() && (cart.storeId() == null || !p.stores().contains(cart.storeId()))) {
            return Optional.of(ReasonCode.STORE_NOT_ELIGIBLE);
        }
        return Optional.empty();
    }
}
