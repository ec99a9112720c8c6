package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.Bp;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import java.util.List;

/**
 * A percent off what remains of the eligible lines (so two percents multiply), rounded once, then
 * capped before it is prorated.
 */
final class PercentOffRule implements OfferRule {

    private final String id;
    private final Stage stage;

    PercentOffRule(String id, Stage stage) {
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
        PercentOff config = RuleType.config(promotion, PercentOff.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = StageContext.entryAmount(lines);
        long requested = Bp.of(StageContext.currentAmount(lines), config.percentOffBp());
        boolean capped = config.cap() != null && requested > config.cap();
        long granted = capped ? config.cap() : requested;
        if (measured < config.minSpend()) {
            return Thresholds.notMet(Basis.AMOUNT, config.minSpend(), measured, granted);
        }
        return context.discount(granted, lines, capped ? ReasonCode.CAPPED : null);
    }
}
