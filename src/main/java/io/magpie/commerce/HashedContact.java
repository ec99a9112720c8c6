package io.magpie.commerce;

/**
 * A phone number or e-mail address as Magpie keeps it: a per-tenant keyed hash for matching and a
 * masked form for display, never the clear value.
 *
 * @param hash hex HMAC-SHA256 of the normalized value with the tenant's secret salt
 * @param masked display form such as {@code 138****5678} or {@code a***@example.com}
 */
public record HashedContact(String hash, String masked) {}
