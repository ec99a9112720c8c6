package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotions indexed by the SKUs, categories and brands their scopes include, so a cart only looks
 * at the promotions its lines can touch (lines × lookups, not lines × promotions). Immutable once
 * built: {@link CartEvaluator} keeps the index of the last promotion list it saw and reuses it while
 * the caller passes the same (immutable) list, e.g. a snapshot of the live campaigns.
 */
final class PromotionIndex {

    private final List<Promotion> promotions;
    private final Map<String, int[]> bySku;
    private final Map<String, int[]> byCategory;
    private final Map<String, int[]> byBrand;
    private final int[] everywhere;

    PromotionIndex(List<Promotion> promotions) {
        this.promotions = promotions;
        var skus = new HashMap<String, List<Integer>>();
        var categories = new HashMap<String, List<Integer>>();
        var brands = new HashMap<String, List<Integer>>();
        var all = new ArrayList<Integer>();
        for (int i = 0; i < promotions.size(); i++) {
            Scope scope = promotions.get(i).scope();
            if (scope.includesEverything()) {
                all.add(i);
                continue;
            }
            int position = i;
            scope.skus()
                    .forEach(
                            s -> skus.computeIfAbsent(s, k -> new ArrayList<>()).add(position));
            scope.categories()
                    .forEach(s -> categories
                            .computeIfAbsent(s, k -> new ArrayList<>())
                            .add(position));
            scope.brands()
                    .forEach(s ->
                            brands.computeIfAbsent(s, k -> new ArrayList<>()).add(position));
        }
        bySku = positions(skus);
        byCategory = positions(categories);
        byBrand = positions(brands);
        everywhere = all.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Promotion> promotions() {
        return promotions;
    }

    /**
     * Marks {@code hits[offset + i]} for every promotion {@code i} covering at least one line of the cart
     * (excludes checked).
     */
    void touching(Cart cart, boolean[] hits, int offset) {
        for (CartLine line : cart.lines()) {
            mark(everywhere, line, hits, offset);
            mark(bySku.get(line.sku()), line, hits, offset);
            if (line.brand() != null) {
                mark(byBrand.get(line.brand()), line, hits, offset);
            }
            for (String category : line.categoryIds()) {
                mark(byCategory.get(category), line, hits, offset);
            }
        }
    }

    private void mark(int[] positions, CartLine line, boolean[] hits, int offset) {
        if (positions == null) {
            return;
        }
        for (int i : positions) {
            if (!hits[offset + i] && promotions.get(i).scope().covers(line)) {
                hits[offset + i] = true;
            }
        }
    }

    private static Map<String, int[]> positions(Map<String, List<Integer>> lists) {
        var result = new HashMap<String, int[]>();
        lists.forEach((key, list) ->
                result.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }
}
