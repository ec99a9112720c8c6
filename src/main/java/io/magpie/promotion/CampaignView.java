package io.magpie.promotion;

import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.Stacking;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** A campaign as the API shows it (snake_case JSON; amounts in fen, percents in basis points). */
public record CampaignView(
        long id,
        String name,
        String description,
        CampaignKind kind,
        String ruleType,
        JsonNode config,
        CampaignStatus status,
        CampaignState state,
        int priority,
        Stacking stacking,
        String stackGroup,
        PercentBase percentBase,
        Schedule schedule,
        Audience audience,
        Scope scope,
        List<String> tiers,
        List<String> channels,
        List<String> stores,
        RefundPolicy refundPolicy,
        List<Limit> limits,
        Coupon coupon,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public record Schedule(Instant startsAt, Instant endsAt, String timeZone, List<Window> windows) {}

    public record Window(List<DayOfWeek> days, String from, String to) {}

    /** {@code customer_count} is the size of the stored list for kind CUSTOMERS. */
    public record Audience(
            Campaign.Audience.Kind kind,
            List<Condition> conditions,
            Integer customerCount,
            String provider,
            String reference) {}

    public record Condition(String attribute, Campaign.Condition.Operator operator, List<String> values) {}

    public record Scope(
            List<String> skus,
            List<String> categories,
            List<String> brands,
            List<String> excludedSkus,
            List<String> excludedCategories,
            List<String> excludedBrands) {}

    public record Limit(long id, LimitMeasure measure, LimitScope per, LimitPeriod period, long max) {}

    public record Coupon(
            Campaign.CouponSettings.Validity validity,
            Instant validFrom,
            Instant validUntil,
            Integer validDays,
            Integer totalLimit,
            int perCustomer,
            boolean claimable,
            int issued) {}

    static CampaignView of(Campaign c, List<CampaignLimit> limits, int customerCount, Instant now) {
        var s = c.schedule();
        var a = c.audience();
        var k = c.coupon();
        return new CampaignView(
                c.id(),
                c.name(),
                c.description(),
                c.kind(),
                c.ruleType(),
                RuleConfigs.write(c.ruleType(), c.config()),
                c.status(),
                c.state(now),
                c.priority(),
                c.stacking(),
                c.stackGroup(),
                c.percentBase(),
                new Schedule(
                        s.startsAt(),
                        s.endsAt(),
                        s.zone().getId(),
                        s.windows().stream()
                                .map(w -> new Window(
                                        List.copyOf(new TreeSet<>(w.days())),
                                        w.from().toString(),
                                        w.to().toString()))
                                .toList()),
                new Audience(
                        a.kind(),
                        a.conditions().stream()
                                .map(x -> new Condition(x.attribute(), x.operator(), x.values()))
                                .toList(),
                        a.kind() == Campaign.Audience.Kind.CUSTOMERS ? customerCount : null,
                        a.provider(),
                        a.reference()),
                new Scope(
                        sorted(c.scope().skus()),
                        sorted(c.scope().categories()),
                        sorted(c.scope().brands()),
                        sorted(c.scope().excludedSkus()),
                        sorted(c.scope().excludedCategories()),
                        sorted(c.scope().excludedBrands())),
                sorted(c.tiers()),
                sorted(c.channels()),
                sorted(c.stores()),
                c.refundPolicy(),
                limits.stream()
                        .map(l -> new Limit(
                                l.limit().id(),
                                l.limit().measure(),
                                l.limit().per(),
                                l.limit().period(),
                                l.limit().maxAmount()))
                        .toList(),
                k == null
                        ? null
                        : new Coupon(
                                k.validity(),
                                k.validFrom(),
                                k.validUntil(),
                                k.validDays(),
                                k.totalLimit(),
                                k.perCustomer(),
                                k.claimable(),
                                c.issuedCount()),
                c.version(),
                c.createdAt(),
                c.updatedAt());
    }

    private static List<String> sorted(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
