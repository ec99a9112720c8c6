package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Campaigns for tests: a running automatic promotion or coupon template with sensible defaults. */
final class CampaignFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private CampaignFixtures() {}

    /** An ACTIVE automatic campaign running from {@code startsAt} without end, over every line. */
    static Campaign automatic(long tenantId, String name, String ruleType, PromotionConfig config, Instant startsAt) {
        return new Campaign(
                0,
                tenantId,
                name,
                null,
                CampaignKind.AUTOMATIC,
                ruleType,
                config,
                CampaignStatus.ACTIVE,
                0,
                Stacking.COMMON,
                null,
                PercentBase.CASCADING,
                new Schedule(startsAt, null, SHANGHAI, List.of()),
                Audience.everyone(),
                Scope.all(),
                Set.of(),
                Set.of(),
                Set.of(),
                RefundPolicy.KEEP,
                null,
                0,
                1,
                "test",
                startsAt,
                startsAt);
    }

    /** An ACTIVE coupon template: claimable, valid {@code days} days after the claim. */
    static Campaign couponTemplate(
            long tenantId,
            String name,
            String ruleType,
            PromotionConfig config,
            Instant startsAt,
            Integer totalLimit,
            int perCustomer,
            int days) {
        Campaign base = automatic(tenantId, name, ruleType, config, startsAt);
        return new Campaign(
                0,
                tenantId,
                name,
                null,
                CampaignKind.COUPON,
                ruleType,
                config,
                CampaignStatus.ACTIVE,
                0,
                Stacking.COMMON,
                null,
                PercentBase.CASCADING,
                base.schedule(),
                Audience.everyone(),
                Scope.all(),
                Set.of(),
                Set.of(),
                Set.of(),
                RefundPolicy.KEEP,
                new CouponSettings(CouponSettings.Validity.RELATIVE, null, null, days, totalLimit, perCustomer, true),
                0,
                1,
                "test",
                startsAt,
                startsAt);
    }
}
