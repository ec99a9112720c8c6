package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Claims over HTTP: the happy path, replays, every refusal with nothing written, and the 200-thread race. */
@MagpieIntegrationTest
class CouponClaimIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignRows campaigns;

    Api api() {
        return Api.of(context);
    }

    static String claim(long template, String customer) {
        return "{\"template_id\":" + template + ",\"customer_id\":\"" + customer + "\"}";
    }

    long coupons(long tenant) {
        return jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    int issuedCount(long tenant, long template) {
        return jdbc.sql("select issued_count from promotion_campaign where tenant_id = ? and id = ?")
                .params(tenant, template)
                .query(Integer.class)
                .single();
    }

    static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    @Test
    void aCustomerClaimsACouponAndAReplayWithTheSameRequestIdReturnsIt() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Save 30", 10, 2);
        String body = "{\"template_id\":" + template + ",\"customer_id\":\"c-1\",\"request_id\":\"req-1\"}";

        var first = api().post("/api/v1/coupons/claim", t.apiKey(), body, "Accept-Language", "zh-CN");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var json = first.json();
        assertThat(json.get("campaign_id").asLong()).isEqualTo(template);
        assertThat(json.get("customer_id").asString()).isEqualTo("c-1");
        assertThat(json.get("source").asString()).isEqualTo("CLAIM");
        assertThat(json.get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(json.get("status").asString()).isEqualTo("usable");
        assertThat(json.get("badge").asString()).isEqualTo("满200减30");
        assertThat(json.get("threshold").asLong()).isEqualTo(20000);
        Instant from = Instant.parse(json.get("valid_from").asString());
        Instant until = Instant.parse(json.get("expires_at").asString());
        assertThat(Duration.between(from, until)).isEqualTo(Duration.ofDays(30));

        var replay = api().post("/api/v1/coupons/claim", t.apiKey(), body);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json().get("id").asLong()).isEqualTo(json.get("id").asLong());
        assertThat(coupons(t.id())).isEqualTo(1);
        assertThat(issuedCount(t.id(), template)).isEqualTo(1);

        // the same request id for another claim is a conflict, not a second coupon
        assertProblem(
                api().post(
                                "/api/v1/coupons/claim",
                                t.apiKey(),
                                "{\"template_id\":" + template + ",\"customer_id\":\"c-2\",\"request_id\":\"req-1\"}"),
                409,
                "request_id_conflict");
        // a second claim without request id is a second coupon (per customer 2), the third is refused
        assertThat(api().post("/api/v1/coupons/claim", t.apiKey(), claim(template, "c-1"))
                        .status())
                .isEqualTo(201);
        assertProblem(api().post("/api/v1/coupons/claim", t.apiKey(), claim(template, "c-1")), 409, "limit_reached");
        assertThat(coupons(t.id())).isEqualTo(2);
        assertThat(issuedCount(t.id(), template)).isEqualTo(2);
    }

    @Test
    void badInputAndUnclaimableTemplatesWriteNothing() {
        TestTenant t = TestTenants.create(context);
        Instant now = Instant.now();
        Campaign base = CouponTestData.running(t.id(), "Base", 1, 1);
        long soldOut = campaigns.insert(base);
        long notClaimable = campaigns.insert(
                CouponTestData.with(base, CouponTestData.fixed(now, now.plus(Duration.ofDays(3)), null, 1, false)));
        long scheduled = campaigns.insert(
                CouponTestData.with(base, CouponTestData.schedule(now.plus(Duration.ofDays(1)), null)));
        long ended = campaigns.insert(CouponTestData.with(
                base, CouponTestData.schedule(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)))));
        long paused = campaigns.insert(CouponTestData.with(base, CampaignStatus.PAUSED));
        long draft = campaigns.insert(CouponTestData.with(base, CampaignStatus.DRAFT));
        long validityOver = campaigns.insert(CouponTestData.with(
                base,
                CouponTestData.fixed(now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)), null, 1, true)));
        long automatic = campaigns.insert(CampaignFixtures.automatic(
                t.id(),
                "Auto",
                "PERCENT_OFF",
                new io.magpie.promotion.pricing.PromotionConfig.PercentOff(1000, null, 0),
                now));
        long listOnly = campaigns.insert(
                CouponTestData.with(base, new Audience(Audience.Kind.CUSTOMERS, List.of(), null, null)));
        campaigns.replaceAudienceCustomers(t.id(), listOnly, List.of("vip-1"));
        long shanghai = campaigns.insert(CouponTestData.with(
                base,
                new Audience(
                        Audience.Kind.CONDITIONS,
                        List.of(new Condition("city", Condition.Operator.IN, List.of("Shanghai"))),
                        null,
                        null)));
        assertThat(api().post("/api/v1/coupons/claim", t.apiKey(), claim(soldOut, "first"))
                        .status())
                .isEqualTo(201);
        long before = coupons(t.id());

        String path = "/api/v1/coupons/claim";
        String key = t.apiKey();
        assertProblem(api().post(path, key, "{\"customer_id\":\"c\"}"), 400, "validation_failed");
        assertProblem(api().post(path, key, "{\"template_id\":" + soldOut + "}"), 400, "validation_failed");
        assertProblem(api().post(path, key, claim(soldOut, " padded ")), 400, "validation_failed");
        assertThat(api().post(path, key, "{\"template_id\":\"x\",\"customer_id\":\"c\"}")
                        .status())
                .isEqualTo(400);
        assertProblem(
                api().post(path, key, "{\"template_id\":1,\"customer_id\":\"c\",\"extra\":1}"), 400, "unknown_field");
        assertProblem(api().post(path, key, "{not json"), 400, "malformed_json");
        assertProblem(api().post(path, key, claim(999_999_999L, "c")), 404, "not_found");
        assertProblem(api().post(path, key, claim(automatic, "c")), 404, "not_found");
        assertProblem(api().post(path, key, claim(soldOut, "second")), 409, "sold_out");
        assertProblem(api().post(path, key, claim(soldOut, "first")), 409, "limit_reached");
        assertProblem(api().post(path, key, claim(notClaimable, "c")), 409, "not_claimable");
        assertProblem(api().post(path, key, claim(scheduled, "c")), 409, "not_started");
        assertProblem(api().post(path, key, claim(ended, "c")), 409, "ended");
        assertProblem(api().post(path, key, claim(paused, "c")), 409, "not_claimable");
        assertProblem(api().post(path, key, claim(draft, "c")), 409, "not_claimable");
        assertProblem(api().post(path, key, claim(validityOver, "c")), 409, "ended");
        assertProblem(api().post(path, key, claim(listOnly, "stranger")), 403, "audience_mismatch");
        assertProblem(api().post(path, key, claim(shanghai, "c")), 403, "audience_mismatch");
        assertProblem(
                api().post(
                                path,
                                key,
                                "{\"template_id\":" + shanghai
                                        + ",\"customer_id\":\"c\",\"customer\":{\"attributes\":{\"city\":\"Beijing\"}}}"),
                403,
                "audience_mismatch");
        assertThat(coupons(t.id())).isEqualTo(before);
        assertThat(issuedCount(t.id(), soldOut)).isEqualTo(1);

        assertThat(api().post(path, key, claim(listOnly, "vip-1")).status()).isEqualTo(201);
        assertThat(api().post(
                                path,
                                key,
                                "{\"template_id\":" + shanghai
                                        + ",\"customer_id\":\"c\",\"customer\":{\"attributes\":{\"city\":\"Shanghai\"}}}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void claimingNeedsTheEvaluateScope() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Scoped", null, 1);
        String readOnly = TestTenants.apiKey(context, t.id(), "read");
        assertProblem(api().post("/api/v1/coupons/claim", readOnly, claim(template, "c")), 403, "insufficient_scope");
        assertThat(api().post("/api/v1/coupons/claim", null, claim(template, "c"))
                        .status())
                .isEqualTo(401);
        String evaluate = TestTenants.apiKey(context, t.id(), "evaluate");
        assertThat(api().post("/api/v1/coupons/claim", evaluate, claim(template, "c"))
                        .status())
                .isEqualTo(201);
        assertThat(coupons(t.id())).isEqualTo(1);
    }

    @Test
    void twoHundredThreadsClaimATemplateWithOneHundredCouponsAndOnePerCustomer() throws Exception {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Race", 100, 1);
        // 150 distinct customers; 50 of them send a second claim, 20 of those with the same request id twice
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            bodies.add(claim(template, "racer-" + i));
        }
        for (int i = 0; i < 30; i++) {
            bodies.add(claim(template, "racer-" + i));
        }
        List<String> requestBodies = new ArrayList<>();
        for (int i = 30; i < 50; i++) {
            String rid = "rid-" + UUID.randomUUID();
            String b = "{\"template_id\":" + template + ",\"customer_id\":\"racer-" + i + "\",\"request_id\":\"" + rid
                    + "\"}";
            bodies.set(i, b);
            requestBodies.add(b);
        }
        bodies.addAll(requestBodies);
        assertThat(bodies).hasSize(200);
        java.util.Collections.shuffle(bodies, new java.util.Random(7));

        Api api = api();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<Api.Response>> results = new ArrayList<>();
        try {
            for (String b : bodies) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/coupons/claim", t.apiKey(), b);
                }));
            }
            start.countDown();
            for (Future<Api.Response> f : results) {
                Api.Response r = f.get(120, TimeUnit.SECONDS);
                String key = r.status() + (r.status() >= 400 ? " " + r.code() : "");
                statuses.merge(key, 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.keySet())
                .allMatch(k -> k.equals("201")
                        || k.equals("200")
                        || k.equals("409 sold_out")
                        || k.equals("409 limit_reached"));
        assertThat(statuses.getOrDefault("201", 0)).isEqualTo(100);
        assertThat(issuedCount(t.id(), template)).isEqualTo(100);
        assertThat(coupons(t.id())).isEqualTo(100);
        assertThat(jdbc.sql("select count(distinct customer_id) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(100);

        // replays change nothing
        for (String b : requestBodies) {
            Api.Response r = api.post("/api/v1/coupons/claim", t.apiKey(), b);
            assertThat(r.status()).as(r.toString()).isIn(200, 409);
        }
        assertThat(issuedCount(t.id(), template)).isEqualTo(100);
        assertThat(coupons(t.id())).isEqualTo(100);
    }
}
