package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import java.util.List;

/** 每满减: for every X of eligible amount save Y, repeatable up to a cap. */
final class EveryAmountOffRule implements OfferRule {

    @Override
    public String id() {
        return "EVERY_AMOUNT_OFF";
    }

    @Override
    public Stage stage() {
        return Stage.THRESHOLD;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        EveryAmountOff config = RuleType.config(promotion, EveryAmountOff.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = StageContext.entryAmount(lines);
        long times = measured / config.every();
        if (times == 0) {
            return Thresholds.notMet(Basis.AMOUNT, config.every(), measured, config.amountOff());
        }
        long requested = Math.multiplyExact(times, config.amountOff());
        boolean capped = config.cap() != null && requested > config.cap();
        Effect effect = context.discount(capped ? config.cap() : requested, lines, capped ? ReasonCode.CAPPED : null);
        if (capped) {
            return effect;
        }
        long nextSave = Math.min(
                Math.multiplyExact(times + 1, config.amountOff()),
                config.cap() == null ? Long.MAX_VALUE : config.cap());
        return nextSave > requested
                ? effect.withNudge(
                        new Nudge(Basis.AMOUNT, (times + 1) * config.every() - measured, nextSave - requested))
                : effect;
    }
}
