package io.magpie.commerce;

import java.time.Instant;
import java.util.Map;

/**
 * A customer as the bulk API and the CSV import deliver it, with phone and e-mail still in clear;
 * {@link CustomerWriter} keeps only their hashes and masks. Unchecked until {@link CustomerRules}.
 *
 * @param attributes {@code null} in a CSV import means "keep the stored attributes"
 */
record CustomerInput(
        String externalId,
        String name,
        String phone,
        String email,
        Map<String, Object> attributes,
        Instant registeredAt) {}
