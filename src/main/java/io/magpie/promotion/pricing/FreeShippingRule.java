package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import java.util.List;

/** Free shipping from a minimum spend of eligible lines, optionally capped. */
final class FreeShippingRule implements OfferRule {

    private final String id;
    private final Stage stage;

    FreeShippingRule(String id, Stage stage) {
        this.id = id;
        this.stage = stage;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        FreeShipping config = RuleType.config(promotion, FreeShipping.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = StageContext.entryAmount(lines);
        long requested = config.cap() == null ? context.freightRemaining() : config.cap();
        if (measured < config.minSpend()) {
            return Thresholds.notMet(
                    Basis.AMOUNT, config.minSpend(), measured, Math.min(requested, context.freightRemaining()));
        }
        return context.freight(requested);
    }
}
