package io.magpie.flashsale;

import java.time.Instant;
import java.util.List;

/** A session with its items as the operator API and console show it. */
public record SessionView(
        long id,
        String name,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant preheatAt,
        Integer perCustomerLimit,
        boolean purchaseTokenRequired,
        SessionStatus status,
        SessionState state,
        int version,
        List<ItemView> items,
        Instant createdAt,
        Instant updatedAt) {}
