package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.AnyNForPrice;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.StageContext.Unit;
import java.util.List;

/** N元任选: any N eligible units for a fixed price; the most expensive units are grouped first. */
final class AnyNForPriceRule implements OfferRule {

    @Override
    public String id() {
        return "ANY_N_FOR_PRICE";
    }

    @Override
    public Stage stage() {
        return Stage.THRESHOLD;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        AnyNForPrice config = RuleType.config(promotion, AnyNForPrice.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        List<Unit> units = UnitSets.mostExpensiveFirst(context.availableUnits(lines));
        int groups = units.size() / config.count();
        if (groups == 0) {
            return Thresholds.notMet(Basis.ITEMS, config.count(), units.size(), 0);
        }
        // groups are taken most expensive first, and only while a group saves something
        int used = 0;
        long saving = 0;
        for (int g = 0; g < groups; g++) {
            long groupAmount = units.subList(used, used + config.count()).stream()
                    .mapToLong(Unit::amount)
                    .sum();
            if (groupAmount <= config.bundlePrice()) {
                break;
            }
            saving += groupAmount - config.bundlePrice();
            used += config.count();
        }
        if (saving <= 0) {
            return Effect.notApplicable(ReasonCode.NOT_BENEFICIAL);
        }
        List<Unit> grouped = units.subList(0, used);
        return UnitSets.discountUnits(context, lines, grouped, saving, UnitSets.count(grouped));
    }
}
