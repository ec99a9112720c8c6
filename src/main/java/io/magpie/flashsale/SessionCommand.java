package io.magpie.flashsale;

/**
 * A session as the operator writes it. Times are ISO-8601 instants with an offset; {@code time_zone}
 * defaults to the tenant's; {@code preheat_at} (visible from) defaults to visible once published;
 * {@code purchase_token_required} (default false) makes every reservation carry a purchase token,
 * which is only issued once the session has started.
 */
public record SessionCommand(
        String name,
        String startsAt,
        String endsAt,
        String timeZone,
        String preheatAt,
        Integer perCustomerLimit,
        Boolean purchaseTokenRequired) {}
