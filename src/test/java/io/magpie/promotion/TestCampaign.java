package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A campaign for evaluation tests, built step by step: {@code TestCampaign.automatic(...).scope(...).build()}. */
final class TestCampaign {

    long tenantId;
    String name;
    CampaignKind kind = CampaignKind.AUTOMATIC;
    String ruleType;
    PromotionConfig config;
    CampaignStatus status = CampaignStatus.ACTIVE;
    int priority;
    Stacking stacking = Stacking.COMMON;
    String stackGroup;
    Schedule schedule;
    Audience audience = Audience.everyone();
    Scope scope = Scope.all();
    Set<String> tiers = Set.of();
    Set<String> channels = Set.of();
    Set<String> stores = Set.of();
    CouponSettings coupon;

    static TestCampaign automatic(long tenantId, String name, String ruleType, PromotionConfig config, Instant start) {
        TestCampaign t = new TestCampaign();
        t.tenantId = tenantId;
        t.name = name;
        t.ruleType = ruleType;
        t.config = config;
        t.schedule = new Schedule(start, null, CampaignFixtures.SHANGHAI, List.of());
        return t;
    }

    static TestCampaign coupon(long tenantId, String name, String ruleType, PromotionConfig config, Instant start) {
        TestCampaign t = automatic(tenantId, name, ruleType, config, start);
        t.kind = CampaignKind.COUPON;
        t.coupon = new CouponSettings(CouponSettings.Validity.RELATIVE, null, null, 30, null, 1, true);
        return t;
    }

    TestCampaign scope(Scope value) {
        scope = value;
        return this;
    }

    TestCampaign status(CampaignStatus value) {
        status = value;
        return this;
    }

    TestCampaign schedule(Schedule value) {
        schedule = value;
        return this;
    }

    TestCampaign audience(Audience value) {
        audience = value;
        return this;
    }

    TestCampaign tiers(String... values) {
        tiers = Set.of(values);
        return this;
    }

    TestCampaign group(String value) {
        stackGroup = value;
        return this;
    }

    TestCampaign stacking(Stacking value) {
        stacking = value;
        return this;
    }

    TestCampaign claimable(boolean value) {
        coupon = new CouponSettings(CouponSettings.Validity.RELATIVE, null, null, 30, null, 1, value);
        return this;
    }

    Campaign build() {
        Instant created = schedule.startsAt() == null ? Instant.parse("2026-01-01T00:00:00Z") : schedule.startsAt();
        return new Campaign(
                0,
                tenantId,
                name,
                null,
                kind,
                ruleType,
                config,
                status,
                priority,
                stacking,
                stackGroup,
                PercentBase.CASCADING,
                schedule,
                audience,
                scope,
                tiers,
                channels,
                stores,
                RefundPolicy.KEEP,
                coupon,
                0,
                1,
                "test",
                created,
                created);
    }
}
