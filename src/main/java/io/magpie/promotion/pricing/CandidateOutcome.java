package io.magpie.promotion.pricing;

import java.util.List;

/**
 * One promotion or coupon and what happened to it.
 *
 * @param candidateId the coupon id for coupons, the promotion id otherwise
 * @param reason why it did not apply, or why it applied only partly; null when fully applied
 * @param discount money discount on goods in fen (freight discount separate)
 * @param allocations per-line shares of {@code discount}; they sum to it exactly
 * @param nudge what the customer could still gain (threshold not met, or a higher tier in reach)
 */
public record CandidateOutcome(
        String candidateId,
        String promotionId,
        boolean coupon,
        Stage stage,
        Outcome outcome,
        ReasonCode reason,
        long discount,
        long freightDiscount,
        List<Allocation> allocations,
        List<GiftLine> gifts,
        Nudge nudge) {

    public CandidateOutcome {
        allocations = allocations instanceof Prorated ? allocations : List.copyOf(allocations);
        gifts = List.copyOf(gifts);
    }
}
