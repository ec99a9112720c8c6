package io.magpie.promotion;

import java.time.Instant;
import java.util.List;

/**
 * What a product page shows for one SKU: the promotions and claimable coupons that could apply, with a
 * badge each, and the estimated best price of one unit (到手价) with what that estimate assumes.
 * Amounts in minor units of {@code currency}.
 */
public record ProductPromotionsView(
        String sku,
        String name,
        String currency,
        long price,
        Long listPrice,
        List<Offer> promotions,
        Estimate estimate,
        Instant evaluatedAt) {

    /**
     * One promotion or coupon template that could apply to this SKU.
     *
     * @param kind AUTOMATIC (applies by itself) or COUPON (through a coupon)
     * @param claimable a coupon template the customer may claim now
     * @param heldCouponId the customer's coupon of this template, if they hold one
     * @param appliesToOneUnit whether it lowers the price of a single unit (else see {@code nudge})
     */
    public record Offer(
            long campaignId,
            String name,
            String kind,
            String ruleType,
            String badge,
            Instant endsAt,
            boolean claimable,
            Long heldCouponId,
            boolean appliesToOneUnit,
            CartEvaluationView.NudgeView nudge) {}

    /**
     * The estimated price of one unit (到手价) after the best combination.
     *
     * @param unitPrice what one unit would cost
     * @param saving {@code price − unit_price}
     * @param applied what the estimate counts; {@code claim} marks coupons still to be claimed
     * @param assumptions what the estimate takes for granted, in the caller's language
     */
    public record Estimate(long unitPrice, long saving, List<EstimatedOffer> applied, List<String> assumptions) {}

    /** One promotion counted in the estimate. */
    public record EstimatedOffer(long campaignId, Long couponId, boolean claim, long discount) {}
}
