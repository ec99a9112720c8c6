package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.AnyNForPrice;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.BuyGet;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import io.magpie.promotion.pricing.PromotionConfig.Gift;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code magpie.demo=true}: after the demo shop is loaded, gives it one campaign of each common kind
 * and a few coupon templates, so the console, the simulator and the API have something to show.
 * Runs once: nothing happens when the tenant already has campaigns.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "magpie.demo", havingValue = "true")
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);
    private static final String ACTOR = "demo";

    private final Tenants tenants;
    private final CampaignRows rows;
    private final Limits limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    DemoCampaigns(
            Tenants tenants,
            CampaignRows rows,
            Limits limits,
            JdbcClient jdbc,
            TransactionTemplate tx,
            java.time.Clock clock) {
        this.tenants = tenants;
        this.rows = rows;
        this.limits = limits;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<TenantView> all = tenants.all();
        if (all.isEmpty()) {
            return;
        }
        TenantView tenant = all.get(0);
        boolean present = jdbc.sql("select exists (select 1 from promotion_campaign where tenant_id = ?)")
                .param(tenant.id())
                .query(Boolean.class)
                .single();
        if (!present) {
            tx.executeWithoutResult(s -> load(tenant));
        }
    }

    void load(TenantView tenant) {
        Instant now = clock.instant();
        // started at the beginning of this month, in the tenant's zone, so they are running
        Instant start = ZonedDateTime.ofInstant(now, tenant.timeZone())
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        Instant end = start.plus(Duration.ofDays(120));
        var d = new Defaults(tenant, start, end, now);

        long spendAndSave = rows.insert(d.automatic(
                "Spend & save: ¥20 off ¥200, ¥60 off ¥500",
                "THRESHOLD_AMOUNT_OFF",
                new TieredAmountOff(
                        Basis.AMOUNT, List.of(new AmountTier(20_000, 2_000), new AmountTier(50_000, 6_000))),
                Scope.all(),
                Stacking.COMMON,
                null));
        rows.linkLimit(
                tenant.id(),
                spendAndSave,
                limits.define(
                                tenant.id(),
                                LimitMeasure.DISCOUNT_AMOUNT,
                                LimitScope.CAMPAIGN,
                                LimitPeriod.TOTAL,
                                5_000_000)
                        .id());
        rows.linkLimit(
                tenant.id(),
                spendAndSave,
                limits.define(tenant.id(), LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, LimitPeriod.DAY, 3)
                        .id());
        rows.insert(d.automatic(
                "Apparel: ¥30 off every ¥300 (up to ¥150)",
                "EVERY_AMOUNT_OFF",
                new EveryAmountOff(30_000, 3_000, 15_000L),
                Scope.categories("apparel"),
                Stacking.COMMON,
                null));
        rows.insert(d.automatic(
                "Audio week: 15% off headphones and speakers",
                "LIMITED_TIME_PRICE",
                PriceOff.percent(1_500),
                Scope.categories("electronics-audio"),
                Stacking.COMMON,
                null));
        Campaign happyHour = d.automatic(
                "Tea happy hour: any 3 teas for ¥99 (Fri–Sun 20:00–23:00)",
                "ANY_N_FOR_PRICE",
                new AnyNForPrice(3, 9_900),
                Scope.categories("food-tea"),
                Stacking.COMMON,
                null);
        rows.insert(d.withWindows(
                happyHour,
                List.of(new Window(
                        Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        LocalTime.of(20, 0),
                        LocalTime.of(23, 0)))));
        rows.insert(d.automatic(
                "Snacks: buy 2, get 1 free",
                "BUY_X_GET_Y",
                new BuyGet(2, 1, 10_000, null),
                Scope.categories("food-snacks"),
                Stacking.COMMON,
                null));
        rows.insert(d.automatic(
                "Free cable with orders over ¥300",
                "THRESHOLD_GIFT",
                new Gift(Basis.AMOUNT, 30_000, "P0010-1", 1),
                Scope.all(),
                Stacking.ALWAYS,
                null));
        rows.insert(d.automatic(
                "Free shipping from ¥99",
                "FREE_SHIPPING",
                new FreeShipping(9_900, null),
                Scope.all(),
                Stacking.ALWAYS,
                null));
        rows.insert(d.tiered(
                d.automatic(
                        "Gold members: 10% off beauty",
                        "MEMBER_PRICE", PriceOff.percent(1_000), Scope.categories("beauty"), Stacking.COMMON, null),
                Set.of("GOLD", "PLATINUM")));

        rows.insert(d.coupon(
                "¥30 off ¥199",
                "COUPON_THRESHOLD",
                new TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(19_900, 3_000))),
                Scope.all(),
                5_000,
                1,
                "platform"));
        rows.insert(d.coupon(
                "Beauty 12% off (up to ¥50)",
                "COUPON_PERCENT", new PercentOff(1_200, 5_000L, 0), Scope.categories("beauty"), 2_000, 2, "store"));
        rows.insert(d.coupon(
                "¥10 cash voucher", "CASH_VOUCHER", new AmountOff(1_000, 0), Scope.all(), 10_000, 1, "platform"));
        rows.insert(d.coupon(
                "Free shipping coupon",
                "COUPON_FREE_SHIPPING",
                new FreeShipping(0, null),
                Scope.all(),
                null,
                3,
                "shipping"));

        Instant double12 = ZonedDateTime.ofInstant(now, tenant.timeZone())
                .withMonth(12)
                .withDayOfMonth(12)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        if (double12.isBefore(now)) {
            double12 = double12.atZone(tenant.timeZone()).plusYears(1).toInstant();
        }
        rows.insert(d.draft(
                d.automatic(
                        "Double 12: ¥50 off every ¥400 (draft)",
                        "EVERY_AMOUNT_OFF",
                        new EveryAmountOff(40_000, 5_000, 25_000L),
                        Scope.all(),
                        Stacking.EXCLUSIVE,
                        null),
                double12,
                double12.plus(Duration.ofDays(1))));
        log.info("Demo data: 13 campaigns and coupon templates created");
    }

    private record Defaults(TenantView tenant, Instant start, Instant end, Instant now) {

        Campaign automatic(
                String name, String type, PromotionConfig config, Scope scope, Stacking stacking, String group) {
            return new Campaign(
                    0,
                    tenant.id(),
                    name,
                    null,
                    CampaignKind.AUTOMATIC,
                    type,
                    config,
                    CampaignStatus.ACTIVE,
                    0,
                    stacking,
                    group,
                    PercentBase.CASCADING,
                    new Schedule(start, end, tenant.timeZone(), List.of()),
                    Audience.everyone(),
                    scope,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    RefundPolicy.KEEP,
                    null,
                    0,
                    1,
                    ACTOR,
                    now,
                    now);
        }

        Campaign coupon(
                String name,
                String type,
                PromotionConfig config,
                Scope scope,
                Integer total,
                int perCustomer,
                String group) {
            Campaign c = automatic(name, type, config, scope, Stacking.COMMON, group);
            return new Campaign(
                    0,
                    c.tenantId(),
                    c.name(),
                    c.description(),
                    CampaignKind.COUPON,
                    c.ruleType(),
                    c.config(),
                    c.status(),
                    c.priority(),
                    c.stacking(),
                    c.stackGroup(),
                    c.percentBase(),
                    c.schedule(),
                    c.audience(),
                    c.scope(),
                    c.tiers(),
                    c.channels(),
                    c.stores(),
                    RefundPolicy.REVERT,
                    new CouponSettings(CouponSettings.Validity.RELATIVE, null, null, 7, total, perCustomer, true),
                    0,
                    1,
                    ACTOR,
                    now,
                    now);
        }

        Campaign withWindows(Campaign c, List<Window> windows) {
            return copy(c, c.status(), new Schedule(start, end, tenant.timeZone(), windows), c.tiers());
        }

        Campaign tiered(Campaign c, Set<String> tiers) {
            return copy(c, c.status(), c.schedule(), tiers);
        }

        Campaign draft(Campaign c, Instant from, Instant to) {
            return copy(c, CampaignStatus.DRAFT, new Schedule(from, to, tenant.timeZone(), List.of()), c.tiers());
        }

        private Campaign copy(Campaign c, CampaignStatus status, Schedule schedule, Set<String> tiers) {
            return new Campaign(
                    0,
                    c.tenantId(),
                    c.name(),
                    c.description(),
                    c.kind(),
                    c.ruleType(),
                    c.config(),
                    status,
                    c.priority(),
                    c.stacking(),
                    c.stackGroup(),
                    c.percentBase(),
                    schedule,
                    c.audience(),
                    c.scope(),
                    tiers,
                    c.channels(),
                    c.stores(),
                    c.refundPolicy(),
                    c.coupon(),
                    0,
                    1,
                    ACTOR,
                    now,
                    now);
        }
    }
}
