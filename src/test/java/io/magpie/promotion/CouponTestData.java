package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.pricing.PromotionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * Coupon templates for tests, written straight through {@link CampaignRows}; public so that tests of other
 * packages (tenant isolation) can create one.
 */
public final class CouponTestData {

    private CouponTestData() {}

    /** A running, claimable 满200减30 template: valid 30 days after the claim, given limits. */
    public static long template(ApplicationContext context, long tenantId, String name, Integer total, int per) {
        return insert(context, running(tenantId, name, total, per));
    }

    static long insert(ApplicationContext context, Campaign template) {
        return context.getBean(CampaignRows.class).insert(template);
    }

    static final PromotionConfig SPEND_200_SAVE_30 = new PromotionConfig.AmountOff(3000, 20000);

    /** Started an hour ago, no end. */
    static Campaign running(long tenantId, String name, Integer total, int per) {
        return CampaignFixtures.couponTemplate(
                tenantId,
                name,
                "COUPON_FIXED",
                SPEND_200_SAVE_30,
                Instant.now().minus(Duration.ofHours(1)),
                total,
                per,
                30);
    }

    static Campaign with(Campaign t, CampaignStatus status) {
        return copy(t, t.ruleType(), t.config(), status, t.schedule(), t.audience(), t.coupon());
    }

    static Campaign with(Campaign t, Schedule schedule) {
        return copy(t, t.ruleType(), t.config(), t.status(), schedule, t.audience(), t.coupon());
    }

    static Campaign with(Campaign t, Audience audience) {
        return copy(t, t.ruleType(), t.config(), t.status(), t.schedule(), audience, t.coupon());
    }

    static Campaign with(Campaign t, CouponSettings coupon) {
        return copy(t, t.ruleType(), t.config(), t.status(), t.schedule(), t.audience(), coupon);
    }

    static Campaign with(Campaign t, String ruleType, PromotionConfig config) {
        return copy(t, ruleType, config, t.status(), t.schedule(), t.audience(), t.coupon());
    }

    static Schedule schedule(Instant startsAt, Instant endsAt) {
        return new Schedule(startsAt, endsAt, CampaignFixtures.SHANGHAI, List.of());
    }

    static CouponSettings fixed(Instant from, Instant until, Integer total, int per, boolean claimable) {
        return new CouponSettings(CouponSettings.Validity.FIXED, from, until, null, total, per, claimable);
    }

    private static Campaign copy(
            Campaign t,
            String ruleType,
            PromotionConfig config,
            CampaignStatus status,
            Schedule schedule,
            Audience audience,
            CouponSettings coupon) {
        return new Campaign(
                t.id(),
                t.tenantId(),
                t.name(),
                t.description(),
                t.kind(),
                ruleType,
                config,
                status,
                t.priority(),
                t.stacking(),
                t.stackGroup(),
                t.percentBase(),
                schedule,
                audience,
                t.scope(),
                t.tiers(),
                t.channels(),
                t.stores(),
                t.refundPolicy(),
                coupon,
                t.issuedCount(),
                t.version(),
                t.createdBy(),
                t.createdAt(),
                t.updatedAt());
    }
}
