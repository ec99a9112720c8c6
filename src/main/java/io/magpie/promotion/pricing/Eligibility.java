package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Checks that do not depend on the lines: type, time window, audience, channel, store. */
final class Eligibility {

    static final Set<Stage> SUPPORTED_STAGES =
            EnumSet.of(Stage.ACTIVITY_PRICE, Stage.PRICE_LAYER, Stage.THRESHOLD, Stage.COUPON);

    private Eligibility() {}

    /** Whether {@link #reason} of this candidate depends on anything but its type (window, audience, place). */
    static boolean dependsOnCart(Candidate candidate) {
        Promotion p = candidate.promotion();
        return candidate.coupon() != null
                || p.startsAt() != null
                || p.endsAt() != null
                || !p.tiers().isEmpty()
                || !p.channels().isEmpty()
                || !p.stores().isEmpty();
    }

    /** Why the candidate cannot apply to this cart whatever its lines, or null. */
    static ReasonCode reason(Candidate candidate, Cart cart) {
        Promotion p = candidate.promotion();
        Instant at = cart.at();
        if (candidate.type() == null
                || !SUPPORTED_STAGES.contains(candidate.type().stage())) {
            return ReasonCode.UNKNOWN_TYPE;
        }
        Coupon coupon = candidate.coupon();
        if ((p.startsAt() != null && at.isBefore(p.startsAt()))
                || (coupon != null && coupon.validFrom() != null && at.isBefore(coupon.validFrom()))) {
            return ReasonCode.NOT_STARTED;
        }
        if ((p.endsAt() != null && !at.isBefore(p.endsAt()))
                || (coupon != null && coupon.expiresAt() != null && !at.isBefore(coupon.expiresAt()))) {
            return ReasonCode.EXPIRED;
        }
        if (!p.tiers().isEmpty()
                && (cart.customer().tier() == null
                        || !p.tiers().contains(cart.customer().tier()))) {
            return ReasonCode.CUSTOMER_NOT_ELIGIBLE;
        }
        if (!p.channels().isEmpty() && (cart.channel() == null || !p.channels().contains(cart.channel()))) {
            return ReasonCode.CHANNEL_NOT_ELIGIBLE;
        }
        if (!p.stores().isEmpty() && (cart.storeId() == null || !p.stores().contains(cart.storeId()))) {
            return ReasonCode.STORE_NOT_ELIGIBLE;
        }
        return null;
    }
}
