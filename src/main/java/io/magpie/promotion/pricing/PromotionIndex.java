package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidates indexed by the SKUs, categories and brands their scopes include, so a cart only looks
 * at the candidates its lines can touch (lines × lookups, not lines × promotions).
 */
final class PromotionIndex {

    private final Map<String, List<Candidate>> bySku = new HashMap<>();
    private final Map<String, List<Candidate>> byCategory = new HashMap<>();
    private final Map<String, List<Candidate>> byBrand = new HashMap<>();
    private final List<Candidate> everywhere = new ArrayList<>();

    PromotionIndex(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            Scope scope = c.promotion().scope();
            if (scope.includesEverything()) {
                everywhere.add(c);
                continue;
            }
            scope.skus()
                    .forEach(s ->
                            bySku.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
            scope.categories()
                    .forEach(s -> byCategory
                            .computeIfAbsent(s, k -> new ArrayList<>())
                            .add(c));
            scope.brands()
                    .forEach(s ->
                            byBrand.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
        }
    }

    /** Candidates covering at least one line of the cart (excludes checked), unordered. */
    Set<Candidate> touching(Cart cart) {
        var hits = new LinkedHashSet<Candidate>();
        for (CartLine line : cart.lines()) {
            var maybe = new ArrayList<Candidate>(everywhere);
            maybe.addAll(bySku.getOrDefault(line.sku(), List.of()));
            if (line.brand() != null) {
                maybe.addAll(byBrand.getOrDefault(line.brand(), List.of()));
            }
            for (String category : line.categoryIds()) {
                maybe.addAll(byCategory.getOrDefault(category, List.of()));
            }
            for (Candidate c : maybe) {
                if (!hits.contains(c) && c.promotion().scope().covers(line)) {
                    hits.add(c);
                }
            }
        }
        return hits;
    }
}
