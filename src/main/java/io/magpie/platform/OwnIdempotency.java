package io.magpie.platform;

/**
 * Declares an API path (a Spring path pattern, e.g. {@code /api/v1/things/{id}/claims}) whose
 * handler implements {@code Idempotency-Key} itself, durably with its own data, so
 * {@link IdempotencyFilter} leaves it alone — for hot paths where two extra writes per request would
 * cost more than the work, and where the key must survive exactly with the row it created.
 */
public record OwnIdempotency(String pathPattern) {}
