package io.magpie.promotion;

import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.Promotion;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign as stored: an automatic promotion or a coupon template, with its rule, schedule,
 * audience, scope and stacking. Limits and budgets are separate rows ({@link CampaignLimit}).
 *
 * @param ruleType a {@code RuleRegistry} type id; its stage must fit the kind (COUPON stage for coupons)
 * @param config the rule's typed settings
 * @param zone the schedule's time zone (the tenant's when not set explicitly)
 * @param tiers customer tiers allowed (member prices, tier-only offers); empty = every customer
 * @param coupon coupon settings; null for automatic campaigns
 */
public record Campaign(
        long id,
        long tenantId,
        String name,
        String description,
        CampaignKind kind,
        String ruleType,
        PromotionConfig config,
        CampaignStatus status,
        int priority,
        Stacking stacking,
        String stackGroup,
        PercentBase percentBase,
        Schedule schedule,
        Audience audience,
        Scope scope,
        Set<String> tiers,
        Set<String> channels,
        Set<String> stores,
        RefundPolicy refundPolicy,
        CouponSettings coupon,
        int issuedCount,
        int version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Campaign {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleType, "ruleType");
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        stores = stores == null ? Set.of() : Set.copyOf(stores);
        scope = scope == null ? Scope.all() : scope;
        audience = audience == null ? Audience.everyone() : audience;
    }

    /** Candidate id of this campaign in the pricing engine ({@code P<id>}); coupons are {@code C<coupon id>}. */
    public String candidateId() {
        return "P" + id;
    }

    /** The engine's view of this campaign's rule (the caller checks status, windows, audience and limits). */
    public Promotion toPromotion() {
        return new Promotion(
                candidateId(),
                ruleType,
                stacking,
                stackGroup,
                priority,
                scope,
                percentBase,
                config,
                tiers,
                channels,
                stores,
                schedule.startsAt(),
                schedule.endsAt());
    }

    /** The state users see at {@code at}. */
    public CampaignState state(Instant at) {
        return switch (status) {
            case DRAFT -> CampaignState.DRAFT;
            case PAUSED -> CampaignState.PAUSED;
            case ENDED -> CampaignState.ENDED;
            case ARCHIVED -> CampaignState.ARCHIVED;
            case ACTIVE -> {
                if (schedule.endsAt() != null && !at.isBefore(schedule.endsAt())) {
                    yield CampaignState.ENDED;
                }
                yield schedule.startsAt() != null && at.isBefore(schedule.startsAt())
                        ? CampaignState.SCHEDULED
                        : CampaignState.RUNNING;
            }
        };
    }

    /** Start and end (end exclusive) plus optional recurring windows, in {@code zone}. */
    public record Schedule(Instant startsAt, Instant endsAt, ZoneId zone, List<Window> windows) {

        public Schedule {
            Objects.requireNonNull(zone, "zone");
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        /** Whether {@code at} is inside start/end and, when windows are set, inside one of them. */
        public boolean isOpen(Instant at) {
            if ((startsAt != null && at.isBefore(startsAt)) || (endsAt != null && !at.isBefore(endsAt))) {
                return false;
            }
            if (windows.isEmpty()) {
                return true;
            }
            ZonedDateTime local = at.atZone(zone);
            return windows.stream().anyMatch(w -> w.contains(local.getDayOfWeek(), local.toLocalTime()));
        }
    }

    /**
     * A recurring window, e.g. every Friday and Saturday from 20:00 to 22:00. {@code to} is exclusive;
     * a window whose {@code to} is not after {@code from} runs past midnight into the next day.
     */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Window {
            days = days == null || days.isEmpty() ? Set.of(DayOfWeek.values()) : Set.copyOf(days);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        boolean contains(DayOfWeek day, LocalTime time) {
            if (from.isBefore(to)) {
                return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
            }
            // overnight: the part after `from` belongs to the day it starts, the part before `to` to the day before
            return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
        }
    }

    /**
     * Who may benefit. EVERYONE; CONDITIONS on customer attributes (all must hold); CUSTOMERS, an
     * explicit list (stored apart); PROVIDED, a set owned by another module (a segment, a tier group),
     * resolved through an {@link AudienceProvider} bean by {@code provider} and {@code reference}.
     */
    public record Audience(Kind kind, List<Condition> conditions, String provider, String reference) {

        public enum Kind {
            EVERYONE,
            CONDITIONS,
            CUSTOMERS,
            PROVIDED
        }

        public Audience {
            Objects.requireNonNull(kind, "kind");
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }

        public static Audience everyone() {
            return new Audience(Kind.EVERYONE, List.of(), null, null);
        }
    }

    /** One condition on a customer attribute, e.g. {@code city in [Shanghai, Hangzhou]}. */
    public record Condition(String attribute, Operator operator, List<String> values) {

        public enum Operator {
            EQ,
            NE,
            IN,
            NOT_IN,
            GTE,
            LTE,
            EXISTS
        }

        public Condition {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * How coupons of a template are valid and distributed.
     *
     * @param validity FIXED between {@code validFrom} and {@code validUntil}, or RELATIVE: {@code validDays}
     *     days from the claim
     * @param totalLimit coupons that may ever be issued (null = unlimited)
     * @param perCustomer coupons one customer may hold in total
     * @param claimable whether customers may claim it themselves (listed in the coupon centre)
     */
    public record CouponSettings(
            Validity validity,
            Instant validFrom,
            Instant validUntil,
            Integer validDays,
            Integer totalLimit,
            int perCustomer,
            boolean claimable) {

        public enum Validity {
            FIXED,
            RELATIVE
        }
    }
}
