package io.magpie.commerce;

import java.time.Instant;

/** One SKU looked up by its code, with the product it belongs to. */
record SkuDetailView(
        String sku,
        String name,
        long price,
        Long listPrice,
        String currency,
        CatalogStatus status,
        ProductRef product,
        Instant updatedAt) {

    /** The owning product in short. */
    record ProductRef(String code, String name, String category, String brand, CatalogStatus status) {}
}
