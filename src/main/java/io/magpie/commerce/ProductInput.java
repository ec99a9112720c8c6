package io.magpie.commerce;

import java.util.List;
import java.util.Map;

/**
 * A product with all its SKUs, as the bulk API and the CSV import deliver it. Unchecked: {@link
 * ProductRules} checks it before {@link ProductWriter} stores it.
 *
 * @param status {@code null} means ACTIVE
 * @param attributes string, number or boolean values; {@code null} means none
 */
record ProductInput(
        String code,
        String name,
        String category,
        String brand,
        CatalogStatus status,
        Map<String, Object> attributes,
        List<SkuInput> skus) {

    /**
     * One sellable variant. Prices are minor units of the tenant's currency.
     *
     * @param name {@code null} means the product's name
     */
    record SkuInput(String sku, String name, Long price, Long listPrice, CatalogStatus status) {}
}
