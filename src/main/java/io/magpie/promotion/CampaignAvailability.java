package io.magpie.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.magpie.promotion.LiveCampaignRows.CounterKey;
import io.magpie.promotion.pricing.ReasonCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The campaign-level checks the engine leaves to its caller, made before pricing: paused, outside the
 * recurring time windows, audience, and limits that are already used up (read only: evaluation never
 * consumes anything). Counters shared by every shopper (per campaign, coupon, store) are cached for a
 * second so a busy shop does not read them per cart; a customer's own counters are read fresh.
 */
@Component
class CampaignAvailability {

    static final Duration SHARED_COUNTER_TTL = Duration.ofSeconds(1);

    private final LiveCampaignRows rows;
    private final Map<String, AudienceProvider> providers;
    private final Cache<TenantCounter, Long> sharedCounters = Caffeine.newBuilder()
            .expireAfterWrite(SHARED_COUNTER_TTL)
            .maximumSize(100_000)
            .build();

    CampaignAvailability(LiveCampaignRows rows, List<AudienceProvider> providers) {
        this.rows = rows;
        this.providers = providers.stream().collect(Collectors.toMap(AudienceProvider::name, Function.identity()));
    }

    /** Who is asking, where and when. */
    record Shopper(String customerId, Map<String, String> attributes, String store, Instant at, ZoneId zone) {}

    /** A campaign to check: the candidate id it has in the engine, and the coupon it comes through (if any). */
    record Check(
            String candidateId, Campaign campaign, List<LimitDefinition> limits, Long couponId, boolean asIfRunning) {}

    /** The reason each unavailable candidate cannot be used. */
    Map<String, ReasonCode> unavailable(long tenantId, List<Check> checks, Shopper shopper) {
        Map<String, ReasonCode> result = new HashMap<>();
        List<Long> listed = new ArrayList<>();
        for (Check check : checks) {
            Campaign c = check.campaign();
            if (!check.asIfRunning() && c.status() == CampaignStatus.PAUSED) {
                result.put(check.candidateId(), ReasonCode.PAUSED);
            } else if (!check.asIfRunning() && outsideWindows(c, check.couponId() != null, shopper.at())) {
                result.put(check.candidateId(), ReasonCode.OUTSIDE_TIME_WINDOW);
            } else if (c.audience().kind() == Campaign.Audience.Kind.CUSTOMERS && shopper.customerId() != null) {
                listed.add(c.id());
            } else if (!inAudience(tenantId, c.audience(), shopper)) {
                result.put(check.candidateId(), ReasonCode.AUDIENCE_MISMATCH);
            }
        }
        if (!listed.isEmpty()) {
            Set<Long> in = rows.audienceListsWith(tenantId, listed, shopper.customerId());
            for (Check check : checks) {
                long id = check.campaign().id();
                if (listed.contains(id) && !in.contains(id) && !result.containsKey(check.candidateId())) {
                    result.put(check.candidateId(), ReasonCode.AUDIENCE_MISMATCH);
                }
            }
        }
        limits(tenantId, checks, shopper, result);
        return result;
    }

    private void limits(long tenantId, List<Check> checks, Shopper shopper, Map<String, ReasonCode> result) {
        Map<CounterKey, List<Check>> wanted = new HashMap<>();
        Map<CounterKey, LimitDefinition> definitions = new HashMap<>();
        for (Check check : checks) {
            if (result.containsKey(check.candidateId())) {
                continue;
            }
            for (LimitDefinition limit : check.limits()) {
                if (limit.measure() != LimitMeasure.DISCOUNT_AMOUNT && limit.measure() != LimitMeasure.REDEMPTIONS) {
                    continue; // issuing and points limits do not decide whether a cart may use the campaign
                }
                String subject = LimitSubjects.of(
                        limit.per(),
                        check.campaign().id(),
                        shopper.customerId(),
                        check.couponId(),
                        shopper.store(),
                        null);
                if (subject == null) {
                    continue;
                }
                LocalDate period = limit.period() == LimitPeriod.TOTAL
                        ? LimitPeriod.FOREVER
                        : limit.period().start(shopper.at(), shopper.zone());
                CounterKey key = new CounterKey(limit.id(), subject, period);
                wanted.computeIfAbsent(key, k -> new ArrayList<>()).add(check);
                definitions.put(key, limit);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<CounterKey, Long> used = new HashMap<>();
        List<CounterKey> toRead = new ArrayList<>();
        for (CounterKey key : wanted.keySet()) {
            Long cached =
                    shared(definitions.get(key)) ? sharedCounters.getIfPresent(new TenantCounter(tenantId, key)) : null;
            if (cached != null) {
                used.put(key, cached);
            } else {
                toRead.add(key);
            }
        }
        if (!toRead.isEmpty()) {
            Map<CounterKey, Long> read = rows.used(tenantId, toRead);
            for (CounterKey key : toRead) {
                long value = read.getOrDefault(key, 0L);
                used.put(key, value);
                if (shared(definitions.get(key))) {
                    sharedCounters.put(new TenantCounter(tenantId, key), value);
                }
            }
        }
        wanted.forEach((key, owners) -> {
            LimitDefinition limit = definitions.get(key);
            if (used.get(key) >= limit.maxAmount()) {
                ReasonCode reason = limit.per() == LimitScope.CUSTOMER || limit.per() == LimitScope.DEVICE
                        ? ReasonCode.CUSTOMER_LIMIT_REACHED
                        : ReasonCode.BUDGET_EXHAUSTED;
                owners.forEach(o -> result.merge(o.candidateId(), reason, CampaignAvailability::first));
            }
        });
    }

    /** Deterministic when two limits fail at once: budget before customer limit. */
    private static ReasonCode first(ReasonCode a, ReasonCode b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static boolean shared(LimitDefinition limit) {
        return limit.per() != LimitScope.CUSTOMER && limit.per() != LimitScope.DEVICE;
    }

    /**
     * Outside the recurring windows while inside start and end (the engine reports not started / expired
     * itself). A coupon's template only contributes its windows: the coupon has its own validity.
     */
    private static boolean outsideWindows(Campaign c, boolean coupon, Instant at) {
        Campaign.Schedule s = c.schedule();
        if (s.windows().isEmpty()) {
            return false;
        }
        Campaign.Schedule windowsOnly = new Campaign.Schedule(null, null, s.zone(), s.windows());
        if (!coupon
                && ((s.startsAt() != null && at.isBefore(s.startsAt()))
                        || (s.endsAt() != null && !at.isBefore(s.endsAt())))) {
            return false;
        }
        return !windowsOnly.isOpen(at);
    }

    private boolean inAudience(long tenantId, Campaign.Audience audience, Shopper shopper) {
        return switch (audience.kind()) {
            case EVERYONE -> true;
            case CONDITIONS -> audience.conditions().stream().allMatch(c -> holds(c, shopper.attributes()));
            case CUSTOMERS -> false; // no customer given (lists are checked in one query above)
            case PROVIDED -> {
                AudienceProvider provider = providers.get(audience.provider());
                yield shopper.customerId() != null
                        && provider != null
                        && provider.includes(tenantId, audience.reference(), shopper.customerId());
            }
        };
    }

    /** One condition on the customer's attributes; a missing attribute satisfies only NE and NOT_IN. */
    static boolean holds(Campaign.Condition condition, Map<String, String> attributes) {
        String value = attributes.get(condition.attribute());
        List<String> values = condition.values();
        if (value == null) {
            return condition.operator() == Campaign.Condition.Operator.NE
                    || condition.operator() == Campaign.Condition.Operator.NOT_IN;
        }
        return switch (condition.operator()) {
            case EQ -> !values.isEmpty() && values.get(0).equals(value);
            case NE -> values.isEmpty() || !values.get(0).equals(value);
            case IN -> values.contains(value);
            case NOT_IN -> !values.contains(value);
            case GTE -> !values.isEmpty() && compare(value, values.get(0)) >= 0;
            case LTE -> !values.isEmpty() && compare(value, values.get(0)) <= 0;
            case EXISTS -> true;
        };
    }

    /** Numbers compare as numbers (9 < 10), anything else as text (ISO dates sort right). */
    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private record TenantCounter(long tenantId, CounterKey key) {}
}
