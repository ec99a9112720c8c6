package io.magpie.commerce;

import java.time.Instant;

/** A category as the API shows it: its parent by code and its depth (1 = root). */
record CategoryView(
        String code, String name, String parent, int depth, int position, Instant createdAt, Instant updatedAt) {}
