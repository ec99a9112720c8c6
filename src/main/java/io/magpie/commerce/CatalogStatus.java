package io.magpie.commerce;

/** Whether a product, SKU or store is in use. Inactive rows stay because orders reference them. */
enum CatalogStatus {
    ACTIVE,
    INACTIVE
}
