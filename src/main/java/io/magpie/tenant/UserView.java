package io.magpie.tenant;

import java.time.Instant;

/** A console user as shown in lists and the API: never the password hash. */
public record UserView(
        long id,
        String username,
        String displayName,
        Role role,
        boolean enabled,
        Instant createdAt,
        Instant lastLoginAt) {}
