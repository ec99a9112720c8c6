package io.magpie.commerce;

import java.time.Instant;
import java.util.Map;

/** A customer as the API shows it: phone and e-mail only masked. */
record CustomerView(
        String externalId,
        String name,
        String phoneMasked,
        String emailMasked,
        Map<String, Object> attributes,
        Instant registeredAt,
        Instant createdAt,
        Instant updatedAt) {}
