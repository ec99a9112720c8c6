package io.magpie.tenant;

import java.time.Instant;
import java.util.List;

/** An API key as anyone may see it: never the secret, never its hash. */
public record ApiKeyView(
        long id,
        String name,
        String prefix,
        List<String> scopes,
        boolean active,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
