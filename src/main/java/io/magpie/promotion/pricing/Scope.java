package io.magpie.promotion.pricing;

import java.util.Set;

/** Which lines a promotion covers; empty includes mean every line, excludes always win. */
public record Scope(
        Set<String> skus,
        Set<String> categories,
        Set<String> brands,
        Set<String> excludedSkus,
        Set<String> excludedCategories,
        Set<String> excludedBrands) {

    public Scope {
        skus = copy(skus);
        categories = copy(categories);
        brands = copy(brands);
        excludedSkus = copy(excludedSkus);
        excludedCategories = copy(excludedCategories);
        excludedBrands = copy(excludedBrands);
    }

    public static Scope all() {
        return new Scope(null, null, null, null, null, null);
    }

    public static Scope skus(String... skus) {
        return new Scope(Set.of(skus), null, null, null, null, null);
    }

    public static Scope categories(String... categories) {
        return new Scope(null, Set.of(categories), null, null, null, null);
    }

    public boolean includesEverything() {
        return skus.isEmpty() && categories.isEmpty() && brands.isEmpty();
    }

    public boolean covers(CartLine line) {
        if (excludedSkus.contains(line.sku())
                || (line.brand() != null && excludedBrands.contains(line.brand()))
                || anyOf(line.categoryIds(), excludedCategories)) {
            return false;
        }
        return includesEverything()
                || skus.contains(line.sku())
                || (line.brand() != null && brands.contains(line.brand()))
                || anyOf(line.categoryIds(), categories);
    }

    /** Hot path (every line × every candidate × every combination): a plain loop, no stream. */
    private static boolean anyOf(Set<String> values, Set<String> in) {
        if (in.isEmpty()) {
            return false;
        }
        for (String value : values) {
            if (in.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
