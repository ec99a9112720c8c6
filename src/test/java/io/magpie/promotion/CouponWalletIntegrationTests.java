package io.magpie.promotion;

import static io.magpie.promotion.CouponClaimIntegrationTests.assertProblem;
import static io.magpie.promotion.CouponClaimIntegrationTests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.Job;
import io.magpie.platform.Jobs;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Coupon centre, wallet with shortfall, expiry, and bulk issue by an operator. */
@MagpieIntegrationTest
class CouponWalletIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignRows campaigns;

    @Autowired
    CouponExpirySweep sweep;

    @Autowired
    Jobs jobs;

    Api api() {
        return Api.of(context);
    }

    static List<Long> ids(JsonNode items, String field) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get(field).asLong()));
        return ids;
    }

    @Test
    void theCentreListsWhatTheCustomerMayClaimNow() {
        TestTenant t = TestTenants.create(context);
        Instant now = Instant.now();
        Campaign base = CouponTestData.running(t.id(), "Save 30", 3, 1);
        long open = campaigns.insert(base);
        long percent = campaigns.insert(CouponTestData.with(
                CouponTestData.running(t.id(), "15% off", null, 2),
                "COUPON_PERCENT",
                new PromotionConfig.PercentOff(1500, 5000L, 0)));
        long freeShipping = campaigns.insert(CouponTestData.with(
                CouponTestData.running(t.id(), "Free shipping", null, 1),
                "COUPON_FREE_SHIPPING",
                new PromotionConfig.FreeShipping(0, null)));
        long soldOut = campaigns.insert(CouponTestData.running(t.id(), "Gone", 1, 1));
        long hidden = campaigns.insert(
                CouponTestData.with(base, CouponTestData.fixed(now, now.plus(Duration.ofDays(2)), null, 1, false)));
        long later = campaigns.insert(
                CouponTestData.with(base, CouponTestData.schedule(now.plus(Duration.ofDays(1)), null)));
        long vip = campaigns.insert(
                CouponTestData.with(base, new Audience(Audience.Kind.CUSTOMERS, List.of(), null, null)));
        campaigns.replaceAudienceCustomers(t.id(), vip, List.of("vip"));
        assertThat(api().post("/api/v1/coupons/claim", t.apiKey(), claim(soldOut, "someone"))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/coupons/claim", t.apiKey(), claim(open, "c-1"))
                        .status())
                .isEqualTo(201);
        assertThat(api().post("/api/v1/coupons/claim", t.apiKey(), claim(percent, "c-1"))
                        .status())
                .isEqualTo(201);

        var forC1 = api().send(
                        "GET",
                        "/api/v1/coupon-centre?customer_id=c-1",
                        t.apiKey(),
                        null,
                        null,
                        "Accept-Language",
                        "zh-CN");
        assertThat(forC1.status()).as(forC1.toString()).isEqualTo(200);
        JsonNode items = forC1.json().get("items");
        // open: c-1 already holds its one coupon; percent: 1 of 2 claimed
        assertThat(ids(items, "template_id")).containsExactly(freeShipping, percent);
        assertThat(items.get(1).get("badge").asString()).isEqualTo("8.5折，最高减50");
        assertThat(items.get(1).get("claimed").asInt()).isEqualTo(1);
        assertThat(items.get(1).has("remaining")).isFalse();
        assertThat(items.get(1).get("validity").asString()).isEqualTo("领取后30天内有效");
        assertThat(items.get(0).get("badge").asString()).isEqualTo("免运费");

        JsonNode forC2 = api().get("/api/v1/coupon-centre?customer_id=c-2", t.apiKey())
                .json()
                .get("items");
        assertThat(ids(forC2, "template_id")).containsExactly(freeShipping, percent, open);
        assertThat(forC2.get(2).get("badge").asString()).isEqualTo("30 off over 200");
        assertThat(forC2.get(2).get("remaining").asInt()).isEqualTo(2);
        assertThat(forC2.get(2).get("validity").asString()).isEqualTo("Valid for 30 days after claiming");

        JsonNode forVip = api().get("/api/v1/coupon-centre?customer_id=vip", t.apiKey())
                .json()
                .get("items");
        assertThat(ids(forVip, "template_id")).containsExactly(vip, freeShipping, percent, open);
        assertThat(ids(forVip, "template_id")).doesNotContain(hidden, later, soldOut);

        assertProblem(api().get("/api/v1/coupon-centre", t.apiKey()), 400, "validation_failed");
    }

    @Test
    void theWalletGroupsCouponsAndShowsTheShortfall() {
        TestTenant t = TestTenants.create(context);
        Instant now = Instant.now();
        long usable = CouponTestData.template(context, t.id(), "Save 30", null, 5);
        long upcoming = campaigns.insert(CouponTestData.with(
                CouponTestData.running(t.id(), "Next week", null, 1),
                CouponTestData.fixed(now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)), null, 1, true)));
        String key = t.apiKey();
        long a = api().post("/api/v1/coupons/claim", key, claim(usable, "w"))
                .json()
                .get("id")
                .asLong();
        long b = api().post("/api/v1/coupons/claim", key, claim(usable, "w"))
                .json()
                .get("id")
                .asLong();
        long c = api().post("/api/v1/coupons/claim", key, claim(usable, "w"))
                .json()
                .get("id")
                .asLong();
        long d = api().post("/api/v1/coupons/claim", key, claim(upcoming, "w"))
                .json()
                .get("id")
                .asLong();
        // b expired an hour ago without the sweep having run; c is used in an order
        jdbc.sql("update promotion_coupon set expires_at = ? where id = ?")
                .params(Timestamp.from(now.minus(Duration.ofHours(1))), b)
                .update();
        jdbc.sql("update promotion_coupon set state = 'REDEEMED', order_id = 'o-1' where id = ?")
                .param(c)
                .update();

        var wallet = api().send(
                        "GET",
                        "/api/v1/customers/w/coupons?cart_amount=18800",
                        key,
                        null,
                        null,
                        "Accept-Language",
                        "zh-CN");
        assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
        JsonNode items = wallet.json().get("items");
        assertThat(ids(items, "id")).containsExactly(a, d);
        assertThat(items.get(0).get("status").asString()).isEqualTo("usable");
        assertThat(items.get(0).get("shortfall").asLong()).isEqualTo(1200);
        assertThat(items.get(0).get("hint").asString()).isEqualTo("差12.00元可用");
        assertThat(items.get(1).get("status").asString()).isEqualTo("upcoming");

        JsonNode english = api().get("/api/v1/customers/w/coupons?cart_amount=18800", key)
                .json()
                .get("items");
        assertThat(english.get(0).get("hint").asString()).isEqualTo("Spend 12.00 more to use");
        JsonNode enough = api().get("/api/v1/customers/w/coupons?state=usable&cart_amount=20000", key)
                .json()
                .get("items");
        assertThat(ids(enough, "id")).containsExactly(a);
        assertThat(enough.get(0).has("shortfall")).isFalse();

        JsonNode all = api().get("/api/v1/customers/w/coupons?state=usable,upcoming,used,expired", key)
                .json()
                .get("items");
        assertThat(ids(all, "id")).containsExactly(a, d, c, b);
        assertThat(all.get(3).get("status").asString()).isEqualTo("expired");
        assertThat(all.get(3).get("state").asString()).isEqualTo("AVAILABLE");

        // the sweep flips it for good; nothing else changes
        sweep.sweep();
        assertThat(jdbc.sql("select state from promotion_coupon where id = ?")
                        .param(b)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        assertThat(jdbc.sql("select state from promotion_coupon where id = ?")
                        .param(a)
                        .query(String.class)
                        .single())
                .isEqualTo("AVAILABLE");
        assertThat(api().get("/api/v1/customers/w/coupons?state=expired", key)
                        .json()
                        .get("items")
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("EXPIRED");

        assertProblem(api().get("/api/v1/customers/w/coupons?state=lost", key), 400, "validation_failed");
        assertProblem(api().get("/api/v1/customers/w/coupons?cart_amount=-1", key), 400, "validation_failed");
        assertProblem(api().get("/api/v1/customers/w/coupons?cart_amount=abc", key), 400, "invalid_value");
        assertThat(api().get("/api/v1/customers/nobody/coupons", key).json().get("items"))
                .isEmpty();
    }

    @Test
    void anOperatorIssuesToAListWithPerRowResultsAndNeverPastTheTotal() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Gift", 3, 1);
        String key = t.apiKey();
        api().post("/api/v1/coupons/claim", key, claim(template, "has-one"));
        String path = "/api/v1/coupon-templates/" + template + "/issue";

        var r = api().post(path, key, "{\"customer_ids\":[\"a\",\"has-one\",\"b\",\"a\",\"c\",\"d\"]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("issued").asInt()).isEqualTo(2);
        assertThat(json.get("limit_reached").asInt()).isEqualTo(1);
        assertThat(json.get("sold_out").asInt()).isEqualTo(2);
        assertThat(json.get("duplicate").asInt()).isEqualTo(1);
        List<String> results = new ArrayList<>();
        json.get("results")
                .forEach(x -> results.add(
                        x.get("customer_id").asString() + ":" + x.get("result").asString()));
        assertThat(results)
                .containsExactly(
                        "a:ISSUED", "has-one:LIMIT_REACHED", "b:ISSUED", "a:DUPLICATE", "c:SOLD_OUT", "d:SOLD_OUT");
        assertThat(json.get("results").get(0).get("coupon_id").asLong()).isPositive();
        assertThat(jdbc.sql("select issued_count from promotion_campaign where id = ?")
                        .param(template)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from promotion_coupon where campaign_id = ? and source = 'ISSUE'")
                        .param(template)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        var page = api().get("/api/v1/coupon-templates/" + template + "/coupons?state=available&limit=2", key)
                .json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("next_cursor").asString()).isNotBlank();
        var template1 = api().get("/api/v1/coupon-templates/" + template, key).json();
        assertThat(template1.get("issued").asInt()).isEqualTo(3);
        assertThat(template1.get("total_limit").asInt()).isEqualTo(3);
        assertThat(ids(api().get("/api/v1/coupon-templates", key).json().get("items"), "id"))
                .containsExactly(template);

        long before = jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                .param(t.id())
                .query(Long.class)
                .single();
        assertProblem(api().post(path, key, "{\"customer_ids\":[]}"), 400, "validation_failed");
        assertProblem(api().post(path, key, "{\"customer_ids\":[\"ok\",\" bad\"]}"), 400, "validation_failed");
        StringBuilder many = new StringBuilder("{\"customer_ids\":[");
        for (int i = 0; i <= CouponIssuance.MAX_BULK; i++) {
            many.append(i == 0 ? "" : ",").append("\"m").append(i).append('"');
        }
        assertProblem(api().post(path, key, many.append("]}").toString()), 400, "validation_failed");
        assertProblem(
                api().post("/api/v1/coupon-templates/999999999/issue", key, "{\"customer_ids\":[\"x\"]}"),
                404,
                "not_found");
        assertProblem(
                api().get("/api/v1/coupon-templates/" + template + "/coupons?state=lost", key),
                400,
                "validation_failed");
        assertThat(jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertProblem(
                api().post(path, TestTenants.apiKey(context, t.id(), "evaluate"), "{\"customer_ids\":[\"z\"]}"),
                403,
                "insufficient_scope");
    }

    @Test
    void aCsvFileIssuesInTheBackgroundWithCounts() throws Exception {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Csv", 2500, 1);
        StringBuilder csv = new StringBuilder("customer_id\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("csv-").append(i).append('\n');
        }
        csv.append("csv-1\n");
        var r = upload(t.apiKey(), "/api/v1/coupon-templates/" + template + "/issue-jobs", csv.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        Job job = await(t.id(), r.json().get("job_id").asLong());
        assertThat(job.status()).as(job.message()).isEqualTo(Job.Status.SUCCEEDED);
        assertThat(job.message()).isEqualTo("2500 issued, 0 limit reached, 500 sold out, 1 duplicates");
        assertThat(jdbc.sql("select count(*) from promotion_coupon where campaign_id = ?")
                        .param(template)
                        .query(Long.class)
                        .single())
                .isEqualTo(2500);

        var bad = upload(
                t.apiKey(),
                "/api/v1/coupon-templates/" + template + "/issue-jobs",
                "customer_id\n" + "x".repeat(101) + "\n\"\t\"\nfine\n");
        Job failed = await(t.id(), bad.json().get("job_id").asLong());
        assertThat(failed.status()).isEqualTo(Job.Status.FAILED);
        assertThat(failed.errorCount()).isEqualTo(2);
        assertThat(api().send("POST", "/api/v1/coupon-templates/" + template + "/issue-jobs", t.apiKey(), null, null)
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from promotion_coupon where campaign_id = ?")
                        .param(template)
                        .query(Long.class)
                        .single())
                .isEqualTo(2500);
    }

    private Job await(long tenant, long jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Job job = jobs.find(tenant, jobId).orElseThrow();
            if (job.finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    private Api.Response upload(String key, String path, String csv) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api().send(
                        "POST",
                        path,
                        key,
                        "multipart/form-data; boundary=" + boundary,
                        body.getBytes(StandardCharsets.UTF_8));
    }
}
