package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Gift;
import java.util.List;
import java.util.Map;

/** 满赠: a gift line at 0.00 once the threshold is met. */
final class GiftRule implements OfferRule {

    @Override
    public String id() {
        return "THRESHOLD_GIFT";
    }

    @Override
    public Stage stage() {
        return Stage.THRESHOLD;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        Gift config = RuleType.config(promotion, Gift.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = Thresholds.measure(config.basis(), lines);
        if (measured < config.threshold()) {
            return Thresholds.notMet(config.basis(), config.threshold(), measured, 0);
        }
        return new Effect(
                Outcome.APPLIED,
                null,
                List.of(),
                0,
                List.of(new GiftLine(promotion.id(), config.giftSku(), config.quantity())),
                Map.of(),
                null);
    }
}
