package io.magpie.promotion;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A campaign as a client sends it (POST creates, PUT replaces it whole). It has the shape of
 * {@link CampaignView} so that a client may GET, change and PUT back; the read-only parts
 * ({@code id, status, state, created_at, updated_at, audience.customer_count, coupon.issued, limits[].id})
 * are accepted and ignored. Enumerations arrive as text so that every bad value is reported with its path.
 *
 * @param version the version the client read; required on update (409 {@code version_conflict} if stale)
 */
public record CampaignCommand(
        Long id,
        String name,
        String description,
        String kind,
        String ruleType,
        JsonNode config,
        String status,
        String state,
        Integer priority,
        String stacking,
        String stackGroup,
        String percentBase,
        Schedule schedule,
        Audience audience,
        Scope scope,
        List<String> tiers,
        List<String> channels,
        List<String> stores,
        String refundPolicy,
        List<Limit> limits,
        Coupon coupon,
        Integer version,
        Instant createdAt,
        Instant updatedAt) {

    /** Start and end (ISO-8601 instants, end exclusive), IANA time zone (the tenant's when absent), windows. */
    public record Schedule(Instant startsAt, Instant endsAt, String timeZone, List<Window> windows) {}

    /** Weekdays (MONDAY…SUNDAY; none = every day) and local hours {@code HH:mm}; to ≤ from runs past midnight. */
    public record Window(List<String> days, String from, String to) {}

    /**
     * EVERYONE, CONDITIONS (all must hold), CUSTOMERS ({@code customer_ids}, write only; absent on an update
     * keeps the stored list) or PROVIDED ({@code provider} + {@code reference}).
     */
    public record Audience(
            String kind,
            List<Condition> conditions,
            List<String> customerIds,
            Integer customerCount,
            String provider,
            String reference) {}

    public record Condition(String attribute, String operator, List<String> values) {}

    /** SKU, category and brand codes; empty includes cover every line, excludes always win. */
    public record Scope(
            List<String> skus,
            List<String> categories,
            List<String> brands,
            List<String> excludedSkus,
            List<String> excludedCategories,
            List<String> excludedBrands) {}

    /** At most {@code max} of {@code measure} per {@code per} per {@code period}; amounts in fen. */
    public record Limit(Long id, String measure, String per, String period, Long max) {}

    /** Coupon template settings; required for kind COUPON, not allowed otherwise. */
    public record Coupon(
            String validity,
            Instant validFrom,
            Instant validUntil,
            Integer validDays,
            Integer totalLimit,
            Integer perCustomer,
            Boolean claimable,
            Integer issued) {}
}
