package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import io.magpie.bench.promotion.RuleSet.Promo;
import io.magpie.promotion.pricing.Cart;
import io.magpie.promotion.pricing.CartEvaluator;
import io.magpie.promotion.pricing.CartLine;
import io.magpie.promotion.pricing.Customer;
import io.magpie.promotion.pricing.EvaluationRequest;
import io.magpie.promotion.pricing.EvaluationResult;
import io.magpie.promotion.pricing.Promotion;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.PercentTier;
import io.magpie.promotion.pricing.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Magpie's engine on the production path: the 100 live promotions and the cart go into
 * {@link EvaluationRequest#best} and {@link CartEvaluator} recommends the best combination (exact
 * branch and bound up to its bound, greedy beyond), with every candidate's outcome and allocation.
 */
public final class MagpieEvaluator implements Evaluator {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final CartEvaluator evaluator = new CartEvaluator();
    private final List<Promotion> promotions;

    public MagpieEvaluator(RuleSet rules) {
        var list = new ArrayList<Promotion>();
        for (Promo p : rules.promotions) {
            list.add(promotion(p));
        }
        promotions = List.copyOf(list);
    }

    public List<Promotion> promotions() {
        return promotions;
    }

    static Promotion promotion(Promo p) {
        Scope skus = new Scope(Set.copyOf(p.skus()), null, null, null, null, null);
        Scope category = p.category() == null ? null : Scope.categories(p.category());
        return switch (p.kind()) {
            case PRICE_FIXED -> Promotion.of(
                    p.id(), "LIMITED_TIME_PRICE", skus, PromotionConfig.PriceOff.fixed(p.amount()));
            case PRICE_PERCENT -> Promotion.of(
                    p.id(), "LIMITED_TIME_PRICE", skus, PromotionConfig.PriceOff.percent(p.percentBp()));
            case CATEGORY_TIERED_AMOUNT_OFF -> {
                var tiers = new ArrayList<AmountTier>();
                for (int t = 0; t < p.thresholds().length; t++) {
                    tiers.add(new AmountTier(p.thresholds()[t], p.values()[t]));
                }
                yield Promotion.of(
                                p.id(),
                                "THRESHOLD_AMOUNT_OFF",
                                category,
                                new PromotionConfig.TieredAmountOff(Basis.AMOUNT, tiers))
                        .withPriority(p.priority());
            }
            case CATEGORY_TIERED_PERCENT_OFF -> {
                var tiers = new ArrayList<PercentTier>();
                for (int t = 0; t < p.thresholds().length; t++) {
                    tiers.add(new PercentTier(p.thresholds()[t], (int) p.values()[t]));
                }
                yield Promotion.of(
                                p.id(),
                                "THRESHOLD_PERCENT_OFF",
                                category,
                                new PromotionConfig.TieredPercentOff(
                                        Basis.AMOUNT, tiers, p.hasCap() ? p.cap() : null))
                        .withPriority(p.priority());
            }
            case CATEGORY_EVERY_AMOUNT_OFF -> Promotion.of(
                            p.id(),
                            "EVERY_AMOUNT_OFF",
                            category,
                            new PromotionConfig.EveryAmountOff(p.thresholds()[0], p.values()[0], p.cap()))
                    .withPriority(p.priority());
            case SKU_AMOUNT_OFF -> Promotion.of(
                            p.id(), "AMOUNT_OFF", skus, new PromotionConfig.AmountOff(p.amount(), p.minSpend()))
                    .withPriority(p.priority());
            case ORDER_PERCENT_OFF -> Promotion.of(
                            p.id(),
                            "PERCENT_OFF",
                            Scope.all(),
                            new PromotionConfig.PercentOff(p.percentBp(), p.cap(), p.minSpend()))
                    .withPriority(p.priority());
            case FREE_SHIPPING -> Promotion.of(
                            p.id(), "FREE_SHIPPING", Scope.all(), new PromotionConfig.FreeShipping(p.minSpend(), null))
                    .withPriority(p.priority());
        };
    }

    @Override
    public String name() {
        return "promotion";
    }

    @Override
    public long payable(BenchCart cart) {
        return evaluate(cart).payable();
    }

    public EvaluationResult evaluate(BenchCart cart) {
        var lines = new ArrayList<CartLine>(cart.lines().size());
        for (var line : cart.lines()) {
            lines.add(new CartLine(
                    line.lineId(),
                    line.sku().code(),
                    line.sku().code(),
                    Set.of(line.sku().categoryCode()),
                    null,
                    line.quantity(),
                    line.sku().price(),
                    null,
                    false));
        }
        var request = EvaluationRequest.best(
                new Cart(lines, Customer.anonymous(), "app", null, cart.freight(), NOW), promotions, List.of());
        return evaluator.evaluate(request);
    }
}
