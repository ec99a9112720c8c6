package io.magpie.promotion.pricing;

/** A rule of stage 3 or 4 that discounts lines, freight, or adds gifts. */
public interface OfferRule extends RuleType {

    Effect apply(Promotion promotion, StageContext context);

    /**
     * Whether this promotion never gives more inside a combination than alone on the same cart (less
     * base, fewer units, higher thresholds only shrink it). The exact search prunes with it; when false
     * it assumes the whole room of the eligible lines instead.
     */
    default boolean monotone(Promotion promotion) {
        return true;
    }
}
