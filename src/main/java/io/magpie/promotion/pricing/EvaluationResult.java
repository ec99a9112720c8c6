package io.magpie.promotion.pricing;

import java.util.List;

/**
 * The priced cart. {@code payable = subtotal − Σ discountByStage + freight − freightDiscount}.
 *
 * @param selected candidate ids in the chosen combination (stage-3 and stage-4 candidates)
 * @param candidates every promotion and coupon given, in input order (promotions, then coupons)
 */
public record EvaluationResult(
        long subtotal,
        List<StageDiscount> discountByStage,
        long freight,
        long freightDiscount,
        long payable,
        List<LineResult> lines,
        List<GiftLine> gifts,
        List<CandidateOutcome> candidates,
        List<String> selected,
        SearchMode searchMode) {

    public long totalDiscount() {
        long sum = 0;
        for (StageDiscount d : discountByStage) {
            sum += d.amount();
        }
        return sum;
    }

    public CandidateOutcome candidate(String candidateId) {
        return candidates.stream()
                .filter(c -> c.candidateId().equals(candidateId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no candidate " + candidateId));
    }
}
