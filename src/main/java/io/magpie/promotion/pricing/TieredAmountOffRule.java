package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import java.util.List;

/** 满减 with tiers (also the threshold coupon): the highest threshold met applies, inclusive. */
final class TieredAmountOffRule implements OfferRule {

    private final String id;
    private final Stage stage;

    TieredAmountOffRule(String id, Stage stage) {
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

    /** A lower tier that saves more than a higher one (odd, but possible) breaks monotony. */
    @Override
    public boolean monotone(Promotion promotion) {
        var tiers = RuleType.config(promotion, TieredAmountOff.class).tiers();
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).amountOff() < tiers.get(i - 1).amountOff()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        TieredAmountOff config = RuleType.config(promotion, TieredAmountOff.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty() || config.tiers().isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = Thresholds.measure(config.basis(), lines);
        AmountTier met = null;
        AmountTier next = null;
        for (AmountTier tier : config.tiers()) {
            if (tier.threshold() <= measured) {
                met = tier;
            } else if (next == null) {
                next = tier;
            }
        }
        if (met == null) {
            return Thresholds.notMet(config.basis(), next.threshold(), measured, next.amountOff());
        }
        Effect effect = context.discount(met.amountOff(), lines, null);
        return next == null
                ? effect
                : effect.withNudge(new Nudge(config.basis(), next.threshold() - measured, next.amountOff()));
    }
}
