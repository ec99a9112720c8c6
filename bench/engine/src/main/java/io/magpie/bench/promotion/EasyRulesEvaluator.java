package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import io.magpie.bench.promotion.RuleSet.Promo;
import java.util.Set;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * Easy Rules 4.1 peer: one rule per promotion, defined once; each cart is one {@code fire} with the
 * basket as the fact. Priorities reproduce the pipeline: price-layer rules, closing the price layer,
 * then the stage-3 rules in Magpie's application order (Easy Rules fires in priority order and checks
 * each condition after the earlier rules' actions).
 */
public final class EasyRulesEvaluator implements Evaluator {

    private static final String BASKET = "basket";

    private final Rules rules = new Rules();
    private final RulesEngine engine = new DefaultRulesEngine();

    public EasyRulesEvaluator(RuleSet ruleSet) {
        int priority = 0;
        for (Promo p : ruleSet.promotions) {
            if (!p.priceLayer()) {
                continue;
            }
            Set<String> skus = Set.copyOf(p.skus());
            boolean fixed = p.kind() == RuleSet.Kind.PRICE_FIXED;
            rules.register(new RuleBuilder()
                    .name(p.id())
                    .priority(priority++)
                    .when(f -> basket(f).items().stream().anyMatch(i -> skus.contains(i.getSku())))
                    .then(f -> {
                        for (Basket.Item i : basket(f).items()) {
                            if (skus.contains(i.getSku())) {
                                if (fixed) {
                                    i.proposeFixed(p.amount());
                                } else {
                                    i.proposePercent(p.percentBp());
                                }
                            }
                        }
                    })
                    .build());
        }
        rules.register(new RuleBuilder()
                .name("close price layer")
                .priority(1_000)
                .when(f -> basket(f).getStage() == 2)
                .then(f -> basket(f).closePriceLayer())
                .build());
        priority = 2_000;
        for (Promo p : ruleSet.offers) {
            rules.register(offer(p, priority++));
        }
    }

    private static Rule offer(Promo p, int priority) {
        var builder = new RuleBuilder().name(p.id()).priority(priority);
        switch (p.kind()) {
            case CATEGORY_TIERED_AMOUNT_OFF, CATEGORY_TIERED_PERCENT_OFF -> {
                int c = DroolsEvaluator.categoryIndex(p);
                boolean percent = p.kind() == RuleSet.Kind.CATEGORY_TIERED_PERCENT_OFF;
                long[] thresholds = p.thresholds();
                long[] values = p.values();
                return builder.when(f -> basket(f).categoryEntry(c) >= thresholds[0])
                        .then(f -> {
                            Basket b = basket(f);
                            long entry = b.categoryEntry(c);
                            int met = 0;
                            while (met + 1 < thresholds.length && thresholds[met + 1] <= entry) {
                                met++;
                            }
                            long off = values[met];
                            if (percent) {
                                off = Basket.bp(b.categoryCurrent(c), off);
                                if (p.hasCap()) {
                                    off = Math.min(p.cap(), off);
                                }
                            }
                            b.offCategory(c, off);
                        })
                        .build();
            }
            case CATEGORY_EVERY_AMOUNT_OFF -> {
                int c = DroolsEvaluator.categoryIndex(p);
                long every = p.thresholds()[0];
                long off = p.values()[0];
                return builder.when(f -> basket(f).categoryEntry(c) >= every)
                        .then(f -> {
                            Basket b = basket(f);
                            b.offCategory(c, Math.min(p.cap(), b.categoryEntry(c) / every * off));
                        })
                        .build();
            }
            case SKU_AMOUNT_OFF -> {
                String a = p.skus().get(0);
                String b2 = p.skus().get(1);
                String c3 = p.skus().get(2);
                return builder.when(f -> basket(f).skuEntry(a, b2, c3) >= p.minSpend())
                        .then(f -> basket(f).offGoods(p.amount()))
                        .build();
            }
            case ORDER_PERCENT_OFF -> {
                return builder.when(f -> basket(f).getGoodsEntry() >= p.minSpend())
                        .then(f -> {
                            Basket b = basket(f);
                            b.offGoods(Math.min(p.cap(), Basket.bp(b.getGoodsCurrent(), p.percentBp())));
                        })
                        .build();
            }
            case FREE_SHIPPING -> {
                return builder.when(f -> basket(f).getGoodsEntry() >= p.minSpend())
                        .then(f -> basket(f).freeShipping())
                        .build();
            }
            default -> throw new IllegalStateException("unexpected " + p.kind());
        }
    }

    private static Basket basket(Facts facts) {
        return facts.get(BASKET);
    }

    @Override
    public String name() {
        return "easy_rules";
    }

    @Override
    public long payable(BenchCart cart) {
        Basket basket = new Basket(cart);
        Facts facts = new Facts();
        facts.put(BASKET, basket);
        engine.fire(rules, facts);
        if (basket.getStage() != 3) {
            throw new IllegalStateException("easy rules did not close the price layer");
        }
        return basket.payable();
    }
}
