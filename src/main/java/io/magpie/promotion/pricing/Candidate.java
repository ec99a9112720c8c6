package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.Comparator;

/** A promotion or a coupon competing for the cart, with its resolved rule type (null when unknown). */
record Candidate(String id, Promotion promotion, Coupon coupon, RuleType type, int inputOrder) {

    /** Stage order inside a stage: higher priority first, then id. */
    static final Comparator<Candidate> APPLICATION_ORDER = Candidate::compareApplicationOrder;

    /** Stage, then priority (higher first), then id: written out, the pipeline sorts on every run. */
    private static int compareApplicationOrder(Candidate a, Candidate b) {
        int c = Integer.compare(a.type.stage().number(), b.type.stage().number());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.promotion.priority(), a.promotion.priority());
        return c != 0 ? c : a.id.compareTo(b.id);
    }

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
