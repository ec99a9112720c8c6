package io.magpie.commerce;

import java.util.List;

/**
 * What other modules may know about a SKU of the catalog: its product, brand and categories (codes),
 * the current price. Read through {@link SkuLookup}.
 *
 * @param categories the product's category code first, then its ancestors up to the root
 * @param price the SKU's current price in minor units of {@code currency}
 * @param active whether both the SKU and its product are ACTIVE
 */
public record SkuFacts(
        String sku,
        String name,
        String productCode,
        String productName,
        String brand,
        List<String> categories,
        long price,
        Long listPrice,
        String currency,
        boolean active) {

    public SkuFacts {
        categories = List.copyOf(categories);
    }
}
