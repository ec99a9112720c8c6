package io.magpie.flashsale;

/** An item as the operator writes it: prices in minor units, stock and the per-customer limit in units. */
public record ItemCommand(
        String sku,
        String name,
        Long originalPrice,
        Long flashPrice,
        Integer stock,
        Integer perCustomerLimit,
        Integer position) {}
