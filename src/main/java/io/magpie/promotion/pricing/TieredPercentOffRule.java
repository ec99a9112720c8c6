package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Bp;
import io.magpie.promotion.pricing.PromotionConfig.PercentTier;
import io.magpie.promotion.pricing.PromotionConfig.TieredPercentOff;
import java.util.List;

/** 满折: a percent off the eligible lines' remaining amount once a threshold is met, optional cap. */
final class TieredPercentOffRule implements OfferRule {

    @Override
    public String id() {
        return "THRESHOLD_PERCENT_OFF";
    }

    @Override
    public Stage stage() {
        return Stage.THRESHOLD;
    }

    /** A lower tier that saves more than a higher one (odd, but possible) breaks monotony. */
    @Override
    public boolean monotone(Promotion promotion) {
        var tiers = RuleType.config(promotion, TieredPercentOff.class).tiers();
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).percentOffBp() < tiers.get(i - 1).percentOffBp()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        TieredPercentOff config = RuleType.config(promotion, TieredPercentOff.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty() || config.tiers().isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = Thresholds.measure(config.basis(), lines);
        long current = StageContext.currentAmount(lines);
        PercentTier met = null;
        PercentTier next = null;
        for (PercentTier tier : config.tiers()) {
            if (tier.threshold() <= measured) {
                met = tier;
            } else if (next == null) {
                next = tier;
            }
        }
        if (met == null) {
            return Thresholds.notMet(
                    config.basis(), next.threshold(), measured, capped(config, Bp.of(current, next.percentOffBp())));
        }
        long requested = Bp.of(current, met.percentOffBp());
        long granted = capped(config, requested);
        Effect effect = context.discount(granted, lines, granted < requested ? ReasonCode.CAPPED : null);
        if (next == null) {
            return effect;
        }
        long nextSave = capped(config, Bp.of(current, next.percentOffBp()));
        return nextSave > granted
                ? effect.withNudge(new Nudge(config.basis(), next.threshold() - measured, nextSave - granted))
                : effect;
    }

    private static long capped(TieredPercentOff config, long amount) {
        return config.cap() == null ? amount : Math.min(amount, config.cap());
    }
}
