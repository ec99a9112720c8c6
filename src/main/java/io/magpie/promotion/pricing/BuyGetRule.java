package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.Bp;
import io.magpie.promotion.pricing.PromotionConfig.BuyGet;
import io.magpie.promotion.pricing.StageContext.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Buy X get Y: units sorted most expensive first; the first sets×X qualify, the cheapest sets×Y are
 * discounted. Both are used up for other unit-set offers of the stage.
 */
final class BuyGetRule implements OfferRule {

    @Override
    public String id() {
        return "BUY_X_GET_Y";
    }

    @Override
    public Stage stage() {
        return Stage.THRESHOLD;
    }

    /** Other unit-set offers can take the cheap units away and leave dearer ones to give away. */
    @Override
    public boolean monotone(Promotion promotion) {
        return false;
    }

    /**
     * At most what this offer gives in any combination, from the units on the price-layer lines
     * ({@code alone}): in a combination its units are a subset of those, each no dearer (earlier members
     * only lower amounts, other unit-set offers only take units away), so the k-th dearest unit there is
     * no dearer than the k-th dearest here. With s sets the discounted units sit at positions ≥ s×buy, so
     * they sum to at most the s×get units from position s×buy here; the most over every possible s bounds
     * the discount (rounding half-up is monotone).
     */
    static long upperBound(Promotion promotion, StageContext alone) {
        BuyGet config = RuleType.config(promotion, BuyGet.class);
        List<PricedLine> lines = alone.eligible(promotion);
        List<Unit> units = UnitSets.mostExpensiveFirst(alone.availableUnits(lines));
        int setSize = config.buy() + config.get();
        int sets = units.size() / setSize;
        if (config.maxSets() != null) {
            sets = Math.min(sets, config.maxSets());
        }
        long best = 0;
        for (int s = 1; s <= sets; s++) {
            long sum = 0;
            for (int j = 0; j < s * config.get(); j++) {
                sum = Math.addExact(sum, units.get(s * config.buy() + j).amount());
            }
            best = Math.max(best, Bp.of(sum, config.getPercentOffBp()));
        }
        return best;
    }

    @Override
    public Effect apply(Promotion promotion, StageContext context) {
        BuyGet config = RuleType.config(promotion, BuyGet.class);
        List<PricedLine> lines = context.eligible(promotion);
        if (lines.isEmpty()) {
            return Effect.notApplicable(ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        List<Unit> units = UnitSets.mostExpensiveFirst(context.availableUnits(lines));
        int setSize = config.buy() + config.get();
        int sets = units.size() / setSize;
        if (config.maxSets() != null) {
            sets = Math.min(sets, config.maxSets());
        }
        if (sets == 0) {
            long cheapest = units.isEmpty() ? 0 : units.get(units.size() - 1).amount();
            return Thresholds.notMet(Basis.ITEMS, setSize, units.size(), Bp.of(cheapest, config.getPercentOffBp()));
        }
        List<Unit> qualifying = units.subList(0, sets * config.buy());
        List<Unit> discounted = units.subList(units.size() - sets * config.get(), units.size());
        long freeAmount = discounted.stream().mapToLong(Unit::amount).sum();
        var used = new ArrayList<>(qualifying);
        used.addAll(discounted);
        return UnitSets.discountUnits(
                context, lines, discounted, Bp.of(freeAmount, config.getPercentOffBp()), UnitSets.count(used));
    }
}
