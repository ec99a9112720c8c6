package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A promotion (or the template of a coupon) as the engine sees it.
 *
 * @param typeId key of its {@link RuleType} in the {@link RuleRegistry}; the type declares the stage
 * @param stackGroup optional group for per-group caps (e.g. {@code store}, {@code platform})
 * @param tiers customer tiers allowed; empty means everyone
 * @param channels channels allowed; empty means all
 * @param stores stores allowed; empty means all
 * @param startsAt inclusive start, or null
 * @param endsAt exclusive end, or null
 */
public record Promotion(
        String id,
        String typeId,
        Stacking stacking,
        String stackGroup,
        int priority,
        Scope scope,
        PercentBase percentBase,
        PromotionConfig config,
        Set<String> tiers,
        Set<String> channels,
        Set<String> stores,
        Instant startsAt,
        Instant endsAt) {

    public Promotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(typeId, "typeId");
        stacking = stacking == null ? Stacking.COMMON : stacking;
        scope = scope == null ? Scope.all() : scope;
        percentBase = percentBase == null ? PercentBase.CASCADING : percentBase;
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        stores = stores == null ? Set.of() : Set.copyOf(stores);
    }

    /** A common, always-running promotion over the given scope. */
    public static Promotion of(String id, String typeId, Scope scope, PromotionConfig config) {
        return new Promotion(
                id,
                typeId,
                Stacking.COMMON,
                null,
                0,
                scope,
                PercentBase.CASCADING,
                config,
                null,
                null,
                null,
                null,
                null);
    }

    public Promotion withStacking(Stacking newStacking, String newGroup) {
        return new Promotion(
                id,
                typeId,
                newStacking,
                newGroup,
                priority,
                scope,
                percentBase,
                config,
                tiers,
                channels,
                stores,
                startsAt,
                endsAt);
    }

    public Promotion withTiers(Set<String> newTiers) {
        return new Promotion(
                id,
                typeId,
                stacking,
                stackGroup,
                priority,
                scope,
                percentBase,
                config,
                newTiers,
                channels,
                stores,
                startsAt,
                endsAt);
    }

    public Promotion withWindow(Instant newStart, Instant newEnd) {
        return new Promotion(
                id,
                typeId,
                stacking,
                stackGroup,
                priority,
                scope,
                percentBase,
                config,
                tiers,
                channels,
                stores,
                newStart,
                newEnd);
    }

    public Promotion withPercentBase(PercentBase base) {
        return new Promotion(
                id,
                typeId,
                stacking,
                stackGroup,
                priority,
                scope,
                base,
                config,
                tiers,
                channels,
                stores,
                startsAt,
                endsAt);
    }

    public Promotion withPriority(int newPriority) {
        return new Promotion(
                id,
                typeId,
                stacking,
                stackGroup,
                newPriority,
                scope,
                percentBase,
                config,
                tiers,
                channels,
                stores,
                startsAt,
                endsAt);
    }
}
