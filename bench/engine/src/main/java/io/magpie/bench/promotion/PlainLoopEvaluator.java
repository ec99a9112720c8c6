package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import io.magpie.bench.promotion.RuleSet.Promo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ceiling: promotions indexed by SKU and category once; a cart looks up only what its lines can
 * touch and applies those rules directly in the application order (no candidates, no outcomes, no
 * stacking search, no allocation per line).
 */
public final class PlainLoopEvaluator implements Evaluator {

    /** Price-layer proposals of one SKU: fixed prices and percents off. */
    private record Prices(long[] fixed, int[] percentBp) {}

    private final Map<String, Prices> pricesBySku = new HashMap<>();
    private final Promo[] offers;
    private final Set<String>[] offerSkus;
    private final int[][] offersByCategory = new int[RuleSet.CATEGORIES][];
    private final Map<String, int[]> offersBySku = new HashMap<>();
    private final int[] everywhere;

    @SuppressWarnings("unchecked")
    public PlainLoopEvaluator(RuleSet rules) {
        var fixed = new HashMap<String, List<Long>>();
        var percent = new HashMap<String, List<Integer>>();
        for (Promo p : rules.promotions) {
            if (p.kind() == RuleSet.Kind.PRICE_FIXED) {
                p.skus().forEach(s -> fixed.computeIfAbsent(s, k -> new ArrayList<>()).add(p.amount()));
            } else if (p.kind() == RuleSet.Kind.PRICE_PERCENT) {
                p.skus().forEach(s -> percent.computeIfAbsent(s, k -> new ArrayList<>()).add(p.percentBp()));
            }
        }
        var skus = new java.util.HashSet<String>(fixed.keySet());
        skus.addAll(percent.keySet());
        for (String sku : skus) {
            pricesBySku.put(
                    sku,
                    new Prices(
                            fixed.getOrDefault(sku, List.of()).stream().mapToLong(Long::longValue).toArray(),
                            percent.getOrDefault(sku, List.of()).stream().mapToInt(Integer::intValue).toArray()));
        }
        offers = rules.offers.toArray(Promo[]::new);
        offerSkus = new Set[offers.length];
        var byCategory = new HashMap<Integer, List<Integer>>();
        var bySku = new HashMap<String, List<Integer>>();
        var global = new ArrayList<Integer>();
        for (int r = 0; r < offers.length; r++) {
            Promo p = offers[r];
            offerSkus[r] = Set.copyOf(p.skus());
            if (p.category() != null) {
                byCategory.computeIfAbsent(DroolsEvaluator.categoryIndex(p), k -> new ArrayList<>()).add(r);
            } else if (!p.skus().isEmpty()) {
                for (String s : p.skus()) {
                    bySku.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
                }
            } else {
                global.add(r);
            }
        }
        for (int c = 0; c < RuleSet.CATEGORIES; c++) {
            offersByCategory[c] = ints(byCategory.getOrDefault(c, List.of()));
        }
        bySku.forEach((s, list) -> offersBySku.put(s, ints(list)));
        everywhere = ints(global);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return "plain_loop";
    }

    @Override
    public long payable(BenchCart cart) {
        var lines = cart.lines();
        int n = lines.size();
        String[] sku = new String[n];
        long[] amount = new long[n];
        long[] categoryEntry = new long[RuleSet.CATEGORIES];
        boolean[] touched = new boolean[offers.length];
        long goods = 0;
        for (int i = 0; i < n; i++) {
            var line = lines.get(i);
            sku[i] = line.sku().code();
            long unit = line.sku().price();
            long best = unit;
            Prices prices = pricesBySku.get(sku[i]);
            if (prices != null) {
                for (long f : prices.fixed) {
                    best = Math.min(best, f);
                }
                for (int bp : prices.percentBp) {
                    best = Math.min(best, unit - RuleSet.bp(unit, bp));
                }
            }
            amount[i] = best * line.quantity();
            int category = line.sku().category();
            categoryEntry[category] += amount[i];
            goods += amount[i];
            for (int r : offersByCategory[category]) {
                touched[r] = true;
            }
            int[] bySku = offersBySku.get(sku[i]);
            if (bySku != null) {
                for (int r : bySku) {
                    touched[r] = true;
                }
            }
        }
        for (int r : everywhere) {
            touched[r] = true;
        }
        long[] categoryCurrent = categoryEntry.clone();
        long goodsEntry = goods;
        long freightLeft = cart.freight();
        for (int r = 0; r < offers.length; r++) {
            if (!touched[r]) {
                continue;
            }
            Promo p = offers[r];
            switch (p.kind()) {
                case CATEGORY_TIERED_AMOUNT_OFF, CATEGORY_TIERED_PERCENT_OFF -> {
                    int c = DroolsEvaluator.categoryIndex(p);
                    long entry = categoryEntry[c];
                    long[] t = p.thresholds();
                    int met = -1;
                    while (met + 1 < t.length && t[met + 1] <= entry) {
                        met++;
                    }
                    if (met < 0) {
                        continue;
                    }
                    long off = p.values()[met];
                    if (p.kind() == RuleSet.Kind.CATEGORY_TIERED_PERCENT_OFF) {
                        off = RuleSet.bp(categoryCurrent[c], off);
                        if (p.hasCap()) {
                            off = Math.min(off, p.cap());
                        }
                    }
                    categoryCurrent[c] -= off;
                    goods -= off;
                }
                case CATEGORY_EVERY_AMOUNT_OFF -> {
                    int c = DroolsEvaluator.categoryIndex(p);
                    long times = categoryEntry[c] / p.thresholds()[0];
                    if (times > 0) {
                        long off = Math.min(p.cap(), times * p.values()[0]);
                        categoryCurrent[c] -= off;
                        goods -= off;
                    }
                }
                case SKU_AMOUNT_OFF -> {
                    long entry = 0;
                    for (int i = 0; i < n; i++) {
                        if (offerSkus[r].contains(sku[i])) {
                            entry += amount[i];
                        }
                    }
                    if (entry >= p.minSpend()) {
                        goods -= p.amount();
                    }
                }
                case ORDER_PERCENT_OFF -> {
                    if (goodsEntry >= p.minSpend()) {
                        goods -= Math.min(p.cap(), RuleSet.bp(goods, p.percentBp()));
                    }
                }
                case FREE_SHIPPING -> {
                    if (goodsEntry >= p.minSpend()) {
                        freightLeft = 0;
                    }
                }
                default -> throw new IllegalStateException("unexpected " + p.kind());
            }
        }
        return goods + freightLeft;
    }
}
