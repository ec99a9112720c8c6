package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.util.List;

/** A fixed amount off eligible items, categories or the order; with a minimum spend or none (cash voucher). */
final class AmountOffRule implements OfferRule {

    private final String id;
    private final Stage stage;
    private final boolean ignoreMinSpend;

    AmountOffRule(String id, Stage stage, boolean ignoreMinSpend) {
        this.id = id;
        this.stage = stage;
        this.ignoreMinSpend = ignoreMinSpend;
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
        AmountOff config = RuleType.config(promotion, AmountOff.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        long measured = StageContext.entryAmount(lines);
        if (!ignoreMinSpend && measured < config.minSpend()) {
            return Thresholds.notMet(Basis.AMOUNT, config.minSpend(), measured, config.amountOff());
        }
        return context.discount(config.amountOff(), lines, null);
    }
}
