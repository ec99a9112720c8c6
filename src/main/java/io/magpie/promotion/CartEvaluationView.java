package io.magpie.promotion;

import java.time.Instant;
import java.util.List;

/**
 * A priced cart: each line's payable amount and its share of every promotion, the totals, gifts, what
 * was applied (in exactly the shape {@code POST /api/v1/orders} takes in {@code promotions}), and every
 * candidate with the reason it did or did not apply. Amounts in minor units of {@code currency}.
 *
 * @param unknownSkus SKUs of the cart that are not in the catalog: priced as given, covered only by
 *     promotions over everything (or naming the SKU)
 */
public record CartEvaluationView(
        String currency,
        List<LineView> lines,
        Totals totals,
        List<GiftView> gifts,
        List<Applied> applied,
        List<CandidateView> candidates,
        Recommended recommended,
        List<String> unknownSkus,
        Instant evaluatedAt) {

    /** A line after every discount. */
    public record LineView(
            String lineId,
            String sku,
            int quantity,
            long unitPrice,
            long originalAmount,
            long payable,
            List<LineAllocation> allocations) {}

    /** One promotion's share of a line. */
    public record LineAllocation(Long campaignId, Long couponId, long amount) {}

    /** {@code payable = subtotal − discount + freight − freight_discount}. */
    public record Totals(
            long subtotal,
            long discount,
            List<StageAmount> discountByStage,
            long freight,
            long freightDiscount,
            long payable) {}

    /** Goods discount given by one pipeline stage. */
    public record StageAmount(String stage, long amount) {}

    /** A gift line added at 0.00. */
    public record GiftView(Long campaignId, String sku, int quantity) {}

    /** An applied promotion or coupon, as an order records it. */
    public record Applied(
            long campaignId,
            Long couponId,
            String code,
            long discount,
            long freightDiscount,
            List<AppliedAllocation> allocations) {}

    /** One line's share of an applied promotion. */
    public record AppliedAllocation(String lineId, long amount) {}

    /**
     * A promotion or coupon that competed for the cart.
     *
     * @param id the candidate id for {@code selection} ({@code P<campaign id>}, {@code C<coupon id>})
     * @param status APPLIED, NOT_APPLICABLE or SKIPPED
     * @param reasonCode why it did not apply or applied only partly (lower_snake); absent when fully applied
     * @param message the reason (or the saving) in the caller's language
     */
    public record CandidateView(
            String id,
            Long campaignId,
            Long couponId,
            String code,
            String name,
            String ruleType,
            String stage,
            String status,
            String reasonCode,
            String message,
            long discount,
            long freightDiscount,
            NudgeView nudge) {}

    /** What the shopper could still gain: {@code shortfall} in minor units (AMOUNT) or units (ITEMS). */
    public record NudgeView(String basis, long shortfall, long wouldSave, String message) {}

    /**
     * How the combination was chosen: EXACT (every allowed combination of up to {@code exactBound}
     * candidates), HEURISTIC (more candidates: greedy) or EXPLICIT (the caller's {@code selection}).
     *
     * @param candidateCount threshold promotions and coupons that could apply and were weighed
     */
    public record Recommended(String searchMode, int candidateCount, int exactBound, List<String> selected) {}
}
