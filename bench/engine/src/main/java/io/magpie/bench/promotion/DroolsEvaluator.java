package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import io.magpie.bench.promotion.RuleSet.Promo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

/**
 * Drools 10 peer: one DRL rule per promotion tier, compiled once into a KieBase; each cart is one call
 * of a stateless KIE session with the basket and its lines as facts. Salience reproduces the pipeline:
 * price-layer proposals (any order, lowest wins), closing the price layer ({@code modify} so the stage-3
 * conditions see the entry amounts), then stage-3 rules in Magpie's application order.
 */
public final class DroolsEvaluator implements Evaluator {

    private final StatelessKieSession session;
    private final String drl;

    public DroolsEvaluator(RuleSet rules) {
        drl = drl(rules);
        KieHelper helper = new KieHelper();
        helper.addContent(drl, ResourceType.DRL);
        var results = helper.verify();
        if (results.hasMessages(org.kie.api.builder.Message.Level.ERROR)) {
            throw new IllegalStateException("DRL does not compile: " + results.getMessages() + "\n" + drl);
        }
        KieBase base = helper.build();
        session = base.newStatelessKieSession();
    }

    public String drl() {
        return drl;
    }

    @Override
    public String name() {
        return "drools";
    }

    @Override
    public long payable(BenchCart cart) {
        Basket basket = new Basket(cart);
        List<Object> facts = new ArrayList<>(basket.items().size() + 1);
        facts.add(basket);
        facts.addAll(basket.items());
        session.execute(facts);
        if (basket.getStage() != 3) {
            throw new IllegalStateException("drools did not close the price layer");
        }
        return basket.payable();
    }

    static String drl(RuleSet rules) {
        var out = new StringBuilder();
        out.append("package io.magpie.bench.promotion.rules;\n\n")
                .append("import io.magpie.bench.promotion.Basket;\n")
                .append("import io.magpie.bench.promotion.Basket.Item;\n\n");
        for (Promo p : rules.promotions) {
            if (!p.priceLayer()) {
                continue;
            }
            String skus = p.skus().stream().map(s -> '"' + s + '"').collect(Collectors.joining(", "));
            String action = p.kind() == RuleSet.Kind.PRICE_FIXED
                    ? "$i.proposeFixed(" + p.amount() + "L);"
                    : "$i.proposePercent(" + p.percentBp() + ");";
            out.append("rule \"").append(p.id()).append("\" salience 10000\nwhen\n    $i : Item(sku in (")
                    .append(skus)
                    .append("))\nthen\n    ")
                    .append(action)
                    .append("\nend\n\n");
        }
        out.append("rule \"close price layer\" salience 9000\nwhen\n    $b : Basket(stage == 2)\nthen\n")
                .append("    modify($b) { closePriceLayer() };\nend\n\n");
        int salience = 8000;
        for (Promo p : rules.offers) {
            salience--;
            switch (p.kind()) {
                case CATEGORY_TIERED_AMOUNT_OFF -> {
                    int c = categoryIndex(p);
                    for (int t = 0; t < p.thresholds().length; t++) {
                        String upper = t + 1 < p.thresholds().length
                                ? ", categoryEntry(" + c + ") < " + p.thresholds()[t + 1] + "L"
                                : "";
                        rule(out, p.id() + " tier " + (t + 1), salience,
                                "categoryEntry(" + c + ") >= " + p.thresholds()[t] + "L" + upper,
                                "$b.offCategory(" + c + ", " + p.values()[t] + "L);");
                    }
                }
                case CATEGORY_TIERED_PERCENT_OFF -> {
                    int c = categoryIndex(p);
                    for (int t = 0; t < p.thresholds().length; t++) {
                        String upper = t + 1 < p.thresholds().length
                                ? ", categoryEntry(" + c + ") < " + p.thresholds()[t + 1] + "L"
                                : "";
                        String off = "Basket.bp($b.categoryCurrent(" + c + "), " + p.values()[t] + "L)";
                        if (p.hasCap()) {
                            off = "Math.min(" + p.cap() + "L, " + off + ")";
                        }
                        rule(out, p.id() + " tier " + (t + 1), salience,
                                "categoryEntry(" + c + ") >= " + p.thresholds()[t] + "L" + upper,
                                "$b.offCategory(" + c + ", " + off + ");");
                    }
                }
                case CATEGORY_EVERY_AMOUNT_OFF -> {
                    int c = categoryIndex(p);
                    rule(out, p.id(), salience,
                            "categoryEntry(" + c + ") >= " + p.thresholds()[0] + "L",
                            "$b.offCategory(" + c + ", Math.min(" + p.cap() + "L, $b.categoryEntry(" + c + ") / "
                                    + p.thresholds()[0] + "L * " + p.values()[0] + "L));");
                }
                case SKU_AMOUNT_OFF -> {
                    String skus = p.skus().stream().map(s -> '"' + s + '"').collect(Collectors.joining(", "));
                    rule(out, p.id(), salience,
                            "skuEntry(" + skus + ") >= " + p.minSpend() + "L",
                            "$b.offGoods(" + p.amount() + "L);");
                }
                case ORDER_PERCENT_OFF -> rule(out, p.id(), salience,
                        "goodsEntry >= " + p.minSpend() + "L",
                        "$b.offGoods(Math.min(" + p.cap() + "L, Basket.bp($b.getGoodsCurrent(), " + p.percentBp()
                                + "L)));");
                case FREE_SHIPPING -> rule(out, p.id(), salience,
                        "goodsEntry >= " + p.minSpend() + "L", "$b.freeShipping();");
                default -> throw new IllegalStateException("unexpected " + p.kind());
            }
        }
        return out.toString();
    }

    private static void rule(StringBuilder out, String name, int salience, String condition, String action) {
        out.append("rule \"").append(name).append("\" salience ").append(salience)
                .append("\nwhen\n    $b : Basket(stage == 3, ").append(condition)
                .append(")\nthen\n    ").append(action).append("\nend\n\n");
    }

    static int categoryIndex(Promo p) {
        return Integer.parseInt(p.category().substring(1));
    }
}
