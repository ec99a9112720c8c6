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
    /**
     * Whether promotion {@code i} excludes nothing: then a hit in the index (or including everything) is
     * already coverage, with no scope check per line.
     */
    private final boolean[] noExcludes;

    PromotionIndex(List<Promotion> promotions) {
        this.promotions = promotions;
        noExcludes = new boolean[promotions.size()];
        var skus = new HashMap<String, List<Integer>>();
        var categories = new HashMap<String, List<Integer>>();
        var brands = new HashMap<String, List<Integer>>();
        var all = new ArrayList<Integer>();
        for (int i = 0; i < promotions.size(); i++) {
            Scope scope = promotions.get(i).scope();
            noExcludes[i] = scope.excludedSkus().isEmpty()
                    && scope.excludedCategories().isEmpty()
                    && scope.excludedBrands().isEmpty();
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

    /**
     * Marks {@code hits[offset + i]} for every promotion {@code i} covering at least one line (excludes
     * checked) and, when {@code masks} is given (carts of at most 64 lines), sets bit {@code k} of
     * {@code masks[offset + i]} for every line {@code k} it covers.
     */
    void cover(List<CartLine> lines, boolean[] hits, long[] masks, int offset) {
        for (int k = 0; k < lines.size(); k++) {
            CartLine line = lines.get(k);
            long bit = masks == null ? 0 : 1L << k;
            mark(everywhere, line, bit, hits, masks, offset);
            mark(bySku.get(line.sku()), line, bit, hits, masks, offset);
            if (line.brand() != null) {
                mark(byBrand.get(line.brand()), line, bit, hits, masks, offset);
            }
            for (String category : line.categoryIds()) {
                mark(byCategory.get(category), line, bit, hits, masks, offset);
            }
        }
    }

    private void mark(int[] positions, CartLine line, long bit, boolean[] hits, long[] masks, int offset) {
        if (positions == null) {
            return;
        }
        for (int i : positions) {
            if (masks == null) {
                if (!hits[offset + i]
                        && (noExcludes[i] || promotions.get(i).scope().covers(line))) {
                    hits[offset + i] = true;
                }
            } else if ((masks[offset + i] & bit) == 0
                    && (noExcludes[i] || promotions.get(i).scope().covers(line))) {
                masks[offset + i] |= bit;
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
