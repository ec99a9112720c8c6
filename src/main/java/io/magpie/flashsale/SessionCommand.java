package io.magpie.flashsale;

/**
 * A session as the operator writes it. Times are ISO-8601 instants with an offset; {@code time_zone}
 * defaults to the tenant's; {@code preheat_at} (visible from) defaults to visible once published.
 */
public record SessionCommand(
        String name, String startsAt, String endsAt, String timeZone, String preheatAt, Integer perCustomerLimit) {}
