package io.magpie.commerce;

import java.time.Instant;

/** A physical store (O2O) as the API shows it. */
record StoreView(
        String code,
        String name,
        Double latitude,
        Double longitude,
        String timeZone,
        String address,
        CatalogStatus status,
        Instant createdAt,
        Instant updatedAt) {}
