package io.magpie.promotion;

import io.magpie.commerce.CommerceSeed;
import io.magpie.platform.Api;
import io.magpie.tenant.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant with a small catalog for cart evaluation tests: category apparel › shirts with SHIRT-M
 * (129.00, brand acme), kitchen with MUG (30.00), and GIFT (0.00). Campaigns go in through
 * {@link CampaignRows}; coupons held by customers are written directly.
 */
final class EvaluateFixture {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    /** A Wednesday, 12:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    private static final AtomicInteger CLAIMS = new AtomicInteger();

    final long tenantId;
    final String apiKey;
    final Api api;
    private final CampaignRows rows;
    private final LiveCampaigns live;
    private final JdbcClient jdbc;

    private EvaluateFixture(ApplicationContext context, TestTenants.TestTenant tenant) {
        this.tenantId = tenant.id();
        this.apiKey = tenant.apiKey();
        this.api = Api.of(context);
        this.rows = context.getBean(CampaignRows.class);
        this.live = context.getBean(LiveCampaigns.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    static EvaluateFixture create(ApplicationContext context, String... scopes) {
        var tenant = TestTenants.create(context, scopes);
        EvaluateFixture f = new EvaluateFixture(context, tenant);
        CommerceSeed seed = CommerceSeed.of(context, tenant.id());
        long apparel = seed.category("apparel", "Apparel", null);
        long shirts = seed.category("shirts", "Shirts", apparel);
        long kitchen = seed.category("kitchen", "Kitchen", null);
        long acme = seed.brand("acme", "Acme");
        seed.sku(seed.product("P-SHIRT", "Oxford shirt", shirts, acme), "SHIRT-M", "Oxford shirt M", 12900, 15900L);
        seed.sku(seed.product("P-MUG", "Mug", kitchen, null), "MUG", "Mug", 3000, null);
        seed.sku(seed.product("P-GIFT", "Tote bag", null, null), "GIFT", "Tote bag", 0, null);
        return f;
    }

    /** Stores the campaign and drops this tenant's snapshot, as the campaigns service's event would. */
    long campaign(TestCampaign campaign) {
        long id = rows.insert(campaign.build());
        live.refresh(tenantId);
        return id;
    }

    void limit(long campaignId, LimitDefinition limit) {
        rows.linkLimit(tenantId, campaignId, limit.id());
        live.refresh(tenantId);
    }

    /** A coupon of template {@code campaignId} held by {@code customerId}, valid from START for 60 days. */
    long coupon(long campaignId, String customerId, String code) {
        return jdbc.sql("""
                        insert into promotion_coupon (tenant_id, campaign_id, customer_id, code, source, state,
                          valid_from, expires_at, claim_no, issued_at, updated_at)
                        values (?, ?, ?, ?, ?, 'AVAILABLE', ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenantId,
                        campaignId,
                        customerId,
                        code,
                        code == null ? "CLAIM" : "CODE",
                        Timestamp.from(START),
                        Timestamp.from(START.plusSeconds(86_400L * 60)),
                        CLAIMS.incrementAndGet(),
                        Timestamp.from(START),
                        Timestamp.from(START))
                .query(Long.class)
                .single();
    }

    Api.Response evaluate(String body, String... headers) {
        return api.post("/api/v1/carts/evaluate", apiKey, body, headers);
    }

    /** Two shirts at 129.00 and one mug at 30.00 (subtotal 288.00), freight 10.00, at NOW. */
    static String cart(String extra) {
        return """
                {"lines":[{"line_id":"1","sku":"SHIRT-M","quantity":2,"unit_price":12900},
                          {"line_id":"2","sku":"MUG","quantity":1,"unit_price":3000}],
                 "freight":1000,"at":"2026-11-25T04:00:00Z"%s}""".formatted(extra == null ? "" : "," + extra);
    }
}
