package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.Comparator;

/** A promotion or a coupon competing for the cart, with its resolved rule type (null when unknown). */
record Candidate(String id, Promotion promotion, Coupon coupon, RuleType type, int inputOrder) {

    /** Stage order inside a stage: higher priority first, then id. */
    static final Comparator<Candidate> APPLICATION_ORDER = Comparator.<Candidate>comparingInt(
                    c -> c.type().stage().number())
            .thenComparing(
                    Comparator.comparingInt((Candidate c) -> c.promotion().priority())
                            .reversed())
            .thenComparing(Candidate::id);

    /** Ids are unique within one evaluation: hashing by id keeps sets of candidates cheap (no deep hash). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Candidate c && c.id.equals(id) && c.inputOrder == inputOrder;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    boolean isCoupon() {
        return coupon != null;
    }

    Stacking stacking() {
        return promotion.stacking();
    }

    /** When a coupon stops being usable; far future for promotions and coupons without expiry. */
    Instant expiry() {
        return coupon == null || coupon.expiresAt() == null ? Instant.MAX : coupon.expiresAt();
    }

    Stage stage() {
        return type.stage();
    }
}
