package io.magpie.promotion;

import java.time.Instant;

/**
 * A coupon template a customer may claim now, as the coupon centre (领券中心) lists it.
 *
 * @param remaining coupons left of the total limit; null when unlimited
 * @param claimed coupons of this template the customer already received
 * @param validity localized validity, e.g. "领取后30天内有效"
 */
public record CouponCentreEntry(
        long templateId,
        String name,
        String description,
        String ruleType,
        String badge,
        Integer totalLimit,
        int issued,
        Integer remaining,
        int perCustomer,
        int claimed,
        String validityKind,
        Instant validFrom,
        Instant validUntil,
        Integer validDays,
        String validity,
        Instant endsAt) {}
