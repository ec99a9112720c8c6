package io.magpie.commerce;

import java.time.Instant;

/** A brand as the API shows it. */
record BrandView(String code, String name, Instant createdAt, Instant updatedAt) {}
