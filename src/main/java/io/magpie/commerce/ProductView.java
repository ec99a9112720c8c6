package io.magpie.commerce;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A product with its SKUs (ordered by SKU code) as the API shows it; categories and brands by code. */
record ProductView(
        String code,
        String name,
        String category,
        String brand,
        CatalogStatus status,
        Map<String, Object> attributes,
        List<SkuView> skus,
        Instant createdAt,
        Instant updatedAt) {

    /** A SKU; prices in minor units of {@code currency}. */
    record SkuView(String sku, String name, long price, Long listPrice, String currency, CatalogStatus status) {}
}
