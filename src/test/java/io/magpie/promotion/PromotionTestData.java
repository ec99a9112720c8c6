package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationContext;

/** Promotion data for tests outside this package (e.g. the tenant isolation fixture). */
public final class PromotionTestData {

    private PromotionTestData() {}

    /** A running automatic campaign "10.00 off" named {@code name}; returns its id. */
    public static long campaign(ApplicationContext context, long tenantId, String name) {
        return context.getBean(CampaignRows.class)
                .insert(CampaignFixtures.automatic(
                        tenantId,
                        name,
                        "AMOUNT_OFF",
                        new PromotionConfig.AmountOff(1_000, 0),
                        Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Real campaigns and coupons for order tests of other modules that apply promotions by id: automatic
     * campaigns (a large amount off, and free shipping) and coupon templates with one coupon each held by
     * {@code customerId}, all running since 2025. Returns the new ids under the names the caller chose:
     * {@code amountOff}, {@code freeShipping} (campaign ids) and {@code couponTemplate} with {@code coupon},
     * {@code couponTemplate2} with {@code coupon2}.
     */
    public static java.util.Map<String, Long> forOrders(ApplicationContext context, long tenantId, String customerId) {
        CampaignRows rows = context.getBean(CampaignRows.class);
        Instant since = Instant.parse("2025-01-01T00:00:00Z");
        var ids = new java.util.LinkedHashMap<String, Long>();
        ids.put(
                "amountOff",
                rows.insert(CampaignFixtures.automatic(
                        tenantId, "amount off", "AMOUNT_OFF", new PromotionConfig.AmountOff(1_000_000, 0), since)));
        ids.put(
                "freeShipping",
                rows.insert(CampaignFixtures.automatic(
                        tenantId, "free shipping", "FREE_SHIPPING", new PromotionConfig.FreeShipping(0, null), since)));
        for (String suffix : new String[] {"", "2"}) {
            long template = rows.insert(CampaignFixtures.couponTemplate(
                    tenantId,
                    "coupon" + suffix,
                    "COUPON_FIXED",
                    new PromotionConfig.AmountOff(1_000_000, 0),
                    since,
                    null,
                    5,
                    30));
            ids.put("couponTemplate" + suffix, template);
            ids.put(
                    "coupon" + suffix,
                    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("""
                            insert into promotion_coupon (tenant_id, campaign_id, customer_id, source, state, valid_from,
                              expires_at, claim_no, issued_at, updated_at)
                            values (?, ?, ?, 'ISSUE', 'AVAILABLE', ?, ?, 1, ?, ?) returning id""")
                            .params(
                                    tenantId,
                                    template,
                                    customerId,
                                    java.sql.Timestamp.from(since),
                                    java.sql.Timestamp.from(Instant.parse("2100-01-01T00:00:00Z")),
                                    java.sql.Timestamp.from(since),
                                    java.sql.Timestamp.from(since))
                            .query(Long.class)
                            .single());
        }
        return ids;
    }
}
