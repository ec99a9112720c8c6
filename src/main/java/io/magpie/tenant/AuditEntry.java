package io.magpie.tenant;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One recorded change: who did what to which target, the state before and after, and when. */
public record AuditEntry(
        long id,
        String actor,
        String action,
        String targetType,
        String targetId,
        JsonNode before,
        JsonNode after,
        Instant at) {}
