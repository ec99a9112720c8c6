package io.magpie.flashsale;

import java.time.Instant;
import java.util.List;

/** A current or upcoming session as shoppers see it, with stock left per item. */
public record StorefrontSession(
        long sessionId,
        String name,
        SessionState state,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Integer perCustomerLimit,
        boolean purchaseTokenRequired,
        List<Item> items) {

    /** An item on sale: prices in minor units, stock left (at most about a second old). */
    public record Item(
            long itemId,
            String sku,
            String name,
            Long originalPrice,
            long flashPrice,
            int stock,
            long stockLeft,
            int perCustomerLimit) {}
}
