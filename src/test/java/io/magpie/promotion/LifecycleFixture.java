package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.AppliedPromotion;
import io.magpie.commerce.OrderCreated;
import io.magpie.commerce.OrderLine;
import io.magpie.platform.Api;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A tenant with a catalog (tea at 100.00, cup at 50.00), campaigns, budgets and coupons made through the
 * module's own rows, and orders driven over real HTTP.
 */
final class LifecycleFixture {

    final ApplicationContext context;
    final TestTenant tenant;
    final Api api;
    final JdbcClient jdbc;
    final CampaignRows campaigns;
    final Limits limits;
    final LimitCounters counters;
    final Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    /** One line of an order to create. */
    record L(String lineId, String sku, int quantity, long unitPrice) {}

    /** A promotion the order applied: shares by line id. */
    record P(long campaignId, Long couponId, long discount, Map<String, Long> allocations) {

        static P of(long campaignId, Long couponId, Object... lineAndAmount) {
            Map<String, Long> shares = new LinkedHashMap<>();
            long sum = 0;
            for (int i = 0; i < lineAndAmount.length; i += 2) {
                long amount = ((Number) lineAndAmount[i + 1]).longValue();
                shares.put((String) lineAndAmount[i], amount);
                sum += amount;
            }
            return new P(campaignId, couponId, sum, shares);
        }
    }

    private LifecycleFixture(ApplicationContext context) {
        this.context = context;
        this.tenant = TestTenants.create(context);
        this.api = Api.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.campaigns = context.getBean(CampaignRows.class);
        this.limits = context.getBean(Limits.class);
        this.counters = context.getBean(LimitCounters.class);
    }

    static LifecycleFixture create(ApplicationContext context) {
        LifecycleFixture f = new LifecycleFixture(context);
        f.product("tea", 10_000);
        f.product("cup", 5_000);
        return f;
    }

    void product(String code, long price) {
        var r = api.put("/api/v1/products/" + code, tenant.apiKey(), """
                {"name":"%s","skus":[{"sku":"%s","name":"%s","price":%d}]}""".formatted(code, code, code, price));
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }

    long automatic(String name, PromotionConfig config, String ruleType, RefundPolicy policy) {
        return campaigns.insert(
                withPolicy(CampaignFixtures.automatic(tenant.id(), name, ruleType, config, start), policy));
    }

    long couponTemplate(String name, PromotionConfig config, String ruleType, RefundPolicy policy) {
        return campaigns.insert(withPolicy(
                CampaignFixtures.couponTemplate(tenant.id(), name, ruleType, config, start, null, 5, 30), policy));
    }

    /** Defines a limit and links it to the campaign; returns the limit id. */
    long limit(long campaignId, LimitMeasure measure, LimitScope per, long max) {
        long id =
                limits.define(tenant.id(), measure, per, LimitPeriod.TOTAL, max).id();
        campaigns.linkLimit(tenant.id(), campaignId, id);
        return id;
    }

    long used(long limitId, String subject) {
        return counters.used(tenant.id(), limitId, subject, Instant.now());
    }

    /** A coupon of the template held by the customer, valid from a day ago for 30 days. */
    long coupon(long templateId, String customerId) {
        int claimNo = jdbc.sql("select count(*) + 1 from promotion_coupon where tenant_id = ? and campaign_id = ?"
                        + " and customer_id = ?")
                .params(tenant.id(), templateId, customerId)
                .query(Integer.class)
                .single();
        return jdbc.sql("""
                        insert into promotion_coupon (tenant_id, campaign_id, customer_id, source, state, valid_from,
                          expires_at, claim_no, issued_at, updated_at)
                        values (?, ?, ?, 'ISSUE', 'AVAILABLE', ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenant.id(),
                        templateId,
                        customerId,
                        Timestamp.from(start),
                        Timestamp.from(start.plus(30, ChronoUnit.DAYS)),
                        claimNo,
                        Timestamp.from(start),
                        Timestamp.from(start))
                .query(Long.class)
                .single();
    }

    String couponState(long couponId) {
        return jdbc.sql("select state from promotion_coupon where tenant_id = ? and id = ?")
                .params(tenant.id(), couponId)
                .query(String.class)
                .single();
    }

    static String newOrderId() {
        return "PO-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** The JSON of an order whose lines carry the promotions' shares as line discounts. */
    static String orderJson(String orderId, String customerId, List<L> lines, List<P> promotions) {
        List<String> lineJson = new ArrayList<>();
        for (L l : lines) {
            long discount = promotions.stream()
                    .mapToLong(p -> p.allocations().getOrDefault(l.lineId(), 0L))
                    .sum();
            lineJson.add("""
                    {"line_id":"%s","sku":"%s","quantity":%d,"unit_price":%d,"discount":%d}""".formatted(l.lineId(), l.sku(), l.quantity(), l.unitPrice(), discount));
        }
        List<String> promotionJson = new ArrayList<>();
        for (P p : promotions) {
            List<String> shares = new ArrayList<>();
            p.allocations()
                    .forEach((line, amount) -> shares.add("{\"line_id\":\"" + line + "\",\"amount\":" + amount + "}"));
            promotionJson.add("""
                    {"campaign_id":%d,"coupon_id":%s,"discount":%d,"allocations":[%s]}""".formatted(p.campaignId(), p.couponId(), p.discount(), String.join(",", shares)));
        }
        return """
                {"order_id":"%s","customer_id":"%s","lines":[%s],"promotions":[%s]}""".formatted(orderId, customerId, String.join(",", lineJson), String.join(",", promotionJson));
    }

    /** The answer to placing an order with promotions: HTTP status and problem code (null when created). */
    record Placed(int status, String code) {}

    /** Posts an order with promotions and answers what the shop sees. */
    Placed place(String orderId, String customerId, List<L> lines, List<P> promotions) {
        var r = api.post("/api/v1/orders", tenant.apiKey(), orderJson(orderId, customerId, lines, promotions));
        return new Placed(
                r.status(), r.status() == 201 ? null : r.json().get("code").asString());
    }

    /** Creates the order with its promotions over HTTP (the order-created listener reserves them). */
    Api.Response order(String orderId, String customerId, List<L> lines, List<P> promotions) {
        var r = api.post("/api/v1/orders", tenant.apiKey(), orderJson(orderId, customerId, lines, promotions));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    /** The event the order's creation published, rebuilt from its API answer (to replay it). */
    OrderCreated created(JsonNode order, List<P> promotions) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : order.get("lines")) {
            lines.add(new OrderLine(
                    l.get("line_id").asString(),
                    l.get("sku").asString(),
                    l.get("product").asString(),
                    null,
                    l.get("quantity").asInt(),
                    l.get("unit_price").asLong(),
                    l.get("discount").asLong(),
                    l.get("amount").asLong()));
        }
        return new OrderCreated(
                tenant.id(),
                order.get("order_id").asString(),
                order.get("customer_id").asString(),
                order.hasNonNull("store") ? order.get("store").asString() : null,
                order.get("channel").asString(),
                order.get("currency").asString(),
                order.get("subtotal").asLong(),
                order.get("discount").asLong(),
                order.get("freight").asLong(),
                order.get("total").asLong(),
                Instant.parse(order.get("ordered_at").asString()),
                lines,
                promotions.stream()
                        .map(p -> new AppliedPromotion(
                                p.campaignId(),
                                p.couponId(),
                                null,
                                p.discount(),
                                0,
                                p.allocations().entrySet().stream()
                                        .map(e -> new AppliedPromotion.LineShare(e.getKey(), e.getValue()))
                                        .toList()))
                        .toList());
    }

    Api.Response pay(String orderId) {
        return ok(api.post("/api/v1/orders/" + orderId + "/pay", tenant.apiKey(), "{}"));
    }

    Api.Response cancel(String orderId) {
        return ok(api.post("/api/v1/orders/" + orderId + "/cancel", tenant.apiKey(), "{}"));
    }

    Api.Response refund(String orderId, String refundId, String lineId, int quantity) {
        return ok(api.post(
                "/api/v1/orders/" + orderId + "/refunds", tenant.apiKey(), """
                {"refund_id":"%s","lines":[{"line_id":"%s","quantity":%d}]}""".formatted(refundId, lineId, quantity)));
    }

    /** The order's promotions as the API shows them. */
    JsonNode promotions(String orderId) {
        return ok(api.get("/api/v1/orders/" + orderId + "/promotions", tenant.apiKey()))
                .json()
                .get("promotions");
    }

    JsonNode promotion(String orderId, long campaignId) {
        for (JsonNode p : promotions(orderId)) {
            if (p.get("campaign_id").asLong() == campaignId) {
                return p;
            }
        }
        throw new AssertionError("no promotion of campaign " + campaignId + " on " + orderId);
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }

    private static Campaign withPolicy(Campaign c, RefundPolicy policy) {
        return new Campaign(
                c.id(),
                c.tenantId(),
                c.name(),
                c.description(),
                c.kind(),
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
                policy,
                c.coupon(),
                c.issuedCount(),
                c.version(),
                c.createdBy(),
                c.createdAt(),
                c.updatedAt());
    }
}
