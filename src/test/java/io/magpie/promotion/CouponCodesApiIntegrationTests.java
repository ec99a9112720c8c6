package io.magpie.promotion;

import static io.magpie.promotion.CouponClaimIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Code batches for templates over HTTP, code redemption (once only, also under 20 threads), previewCode. */
@MagpieIntegrationTest
class CouponCodesApiIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CouponIssuance issuance;

    Api api() {
        return Api.of(context);
    }

    /** Generates a batch over the API and waits for it; returns the batch JSON. */
    static JsonNode generate(Api api, String key, long template, String pattern, int count) {
        var started = api.post(
                "/api/v1/coupon-templates/" + template + "/code-batches",
                key,
                "{\"name\":\"Batch\",\"pattern\":\"" + pattern + "\",\"count\":" + count + "}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String url = started.json().get("status_url").asString();
        assertThat(started.header("Location")).isEqualTo(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode batch = api.get(url, key).json();
            if (!batch.get("status").asString().equals("GENERATING")) {
                return batch;
            }
            assertThat(System.nanoTime()).as("batch ready in time").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static List<String> codes(Api api, String key, long batchId) {
        var csv = api.get("/api/v1/code-batches/" + batchId + "/codes.csv", key);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,state,customer_id,issued_at,redeemed_at");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
    }

    static String redeem(String customer, String code) {
        return "{\"customer_id\":\"" + customer + "\",\"code\":\"" + code + "\"}";
    }

    @Test
    void aBatchGeneratedForATemplateIsListedExportedAndItsCodesRedeemOnce() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Codes", null, 5);
        Api api = api();

        JsonNode batch = generate(api, t.apiKey(), template, "VIP-####-????", 500);
        long batchId = batch.get("id").asLong();
        assertThat(batch.get("status").asString()).isEqualTo("READY");
        assertThat(batch.get("template_id").asLong()).isEqualTo(template);
        assertThat(batch.get("codes").asLong()).isEqualTo(500);
        assertThat(batch.get("issued").asLong()).isZero();
        assertThat(batch.get("job").get("percent").asInt()).isEqualTo(100);
        assertThat(batch.get("job").get("status").asString()).isEqualTo("SUCCEEDED");

        var list = api.get("/api/v1/code-batches?template_id=" + template, t.apiKey())
                .json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(api.get("/api/v1/code-batches?template_id=" + (template + 1000), t.apiKey())
                        .json()
                        .get("items"))
                .isEmpty();

        List<String> codes = codes(api, t.apiKey(), batchId);
        assertThat(codes).hasSize(500).doesNotHaveDuplicates();
        String code = codes.get(0);

        var first = api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-1", code.toLowerCase()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("code").asString()).isEqualTo(code);
        assertThat(first.json().get("source").asString()).isEqualTo("CODE");
        assertThat(first.json().get("campaign_id").asLong()).isEqualTo(template);
        var codeRow = jdbc.sql("select state, customer_id from promotion_code where tenant_id = ? and code = ?")
                .params(t.id(), code)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .single();
        assertThat(codeRow).isEqualTo("ISSUED/c-1");

        var again = api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-1", code));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertProblem(api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-2", code)), 409, "code_used");

        // a typo in one character fails the check character: 404 at once
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertProblem(api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-2", typo)), 404, "unknown_code");
        assertProblem(api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-2", "!!")), 404, "unknown_code");
        assertProblem(
                api.post("/api/v1/coupons/redeem-code", t.apiKey(), "{\"customer_id\":\"c-2\"}"),
                400,
                "validation_failed");
        assertThat(jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/code-batches/" + batchId, t.apiKey())
                        .json()
                        .get("issued")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void badBatchRequestsAreRefusedAndWriteNothing() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Bad", null, 1);
        String path = "/api/v1/coupon-templates/" + template + "/code-batches";
        String key = t.apiKey();
        assertProblem(api().post(path, key, "{\"name\":\"x\",\"pattern\":\"A-####\"}"), 400, "validation_failed");
        assertProblem(
                api().post(path, key, "{\"name\":\"x\",\"pattern\":\"A-##\",\"count\":0}"), 400, "validation_failed");
        assertProblem(
                api().post(path, key, "{\"name\":\"x\",\"pattern\":\"A-#%\",\"count\":1}"), 400, "validation_failed");
        assertProblem(
                api().post(path, key, "{\"name\":\"x\",\"pattern\":\"A-##\",\"count\":10}"),
                422,
                "pattern_space_too_small");
        assertProblem(
                api().post(
                                "/api/v1/coupon-templates/999999999/code-batches",
                                key,
                                "{\"name\":\"x\",\"pattern\":\"A-######\",\"count\":1}"),
                404,
                "not_found");
        assertProblem(api().get("/api/v1/code-batches/999999999", key), 404, "not_found");
        assertProblem(api().get("/api/v1/code-batches/999999999/codes.csv", key), 404, "not_found");
        assertProblem(api().get("/api/v1/code-batches?limit=0", key), 400, "validation_failed");
        assertThat(jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isZero();
        String readOnly = TestTenants.apiKey(context, t.id(), "read");
        assertProblem(
                api().post(path, readOnly, "{\"name\":\"x\",\"pattern\":\"A-######\",\"count\":1}"),
                403,
                "insufficient_scope");
        assertThat(api().get("/api/v1/code-batches", readOnly).status()).isEqualTo(200);
    }

    @Test
    void importedExternalCodesRedeemIntoCouponsOfTheTemplate() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Partner", null, 1);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String csv = "code\npartner-" + suffix + "-1\nPARTNER-" + suffix + "-2\n";
        var imported = upload(t.apiKey(), "/api/v1/coupon-templates/" + template + "/code-batches/import", csv);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("count").asInt()).isEqualTo(2);

        var coupon = api().post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-9", "Partner-" + suffix + "-2"));
        assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
        assertThat(coupon.json().get("code").asString()).isEqualTo("PARTNER-" + suffix + "-2");
        // per customer 1: the second code is refused and stays available
        assertProblem(
                api().post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-9", "partner-" + suffix + "-1")),
                409,
                "limit_reached");
        assertThat(jdbc.sql("select state from promotion_code where tenant_id = ? and code = ?")
                        .params(t.id(), "PARTNER-" + suffix + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("AVAILABLE");

        // duplicates in the file: 422 and no batch
        var bad = upload(
                t.apiKey(), "/api/v1/coupon-templates/" + template + "/code-batches/import", "code\nDUP-1\ndup-1\n");
        assertProblem(bad, 422, "invalid_rows");
        assertThat(jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twentyThreadsRedeemingOneCodeGetExactlyOneCoupon() throws Exception {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Once", null, 1);
        Api api = api();
        JsonNode batch = generate(api, t.apiKey(), template, "ONE-######", 1);
        String code = codes(api, t.apiKey(), batch.get("id").asLong()).get(0);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String customer = "grabber-" + (i % 10); // ten customers, each twice
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem(customer, code));
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            String winner = responses.stream()
                    .filter(r -> r.status() == 201)
                    .findFirst()
                    .orElseThrow()
                    .json()
                    .get("customer_id")
                    .asString();
            assertThat(responses).allSatisfy(r -> {
                if (r.status() == 200) {
                    assertThat(r.json().get("customer_id").asString()).isEqualTo(winner);
                } else if (r.status() != 201) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("code_used");
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select issued_count from promotion_campaign where id = ?")
                        .param(template)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void previewCodeTellsWhatARedemptionWouldGiveWithoutWriting() {
        TestTenant t = TestTenants.create(context);
        long template = CouponTestData.template(context, t.id(), "Preview", 1, 1);
        Api api = api();
        List<String> codes = codes(
                api,
                t.apiKey(),
                generate(api, t.apiKey(), template, "PV-######", 3).get("id").asLong());
        Instant now = Instant.now();

        CodeCoupon preview = issuance.previewCode(t.id(), "c-1", codes.get(0).toLowerCase(), now)
                .orElseThrow();
        assertThat(preview.usable()).isTrue();
        assertThat(preview.couponId()).isNull();
        assertThat(preview.template().id()).isEqualTo(template);
        assertThat(Duration.between(preview.validFrom(), preview.expiresAt())).isEqualTo(Duration.ofDays(30));
        assertThat(jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(issuance.previewCode(t.id(), "c-1", "NOPE-123", now)).isEmpty();

        long coupon = api.post("/api/v1/coupons/redeem-code", t.apiKey(), redeem("c-1", codes.get(0)))
                .json()
                .get("id")
                .asLong();
        now = Instant.now();
        CodeCoupon held = issuance.previewCode(t.id(), "c-1", codes.get(0), now).orElseThrow();
        assertThat(held.couponId()).isEqualTo(coupon);
        assertThat(held.usable()).isTrue();
        assertThat(issuance.previewCode(t.id(), "c-2", codes.get(0), now)
                        .orElseThrow()
                        .unavailable())
                .isEqualTo("code_used");
        // total 1 is used up: another code would be sold out; c-1 is also at its limit
        assertThat(issuance.previewCode(t.id(), "c-2", codes.get(1), now)
                        .orElseThrow()
                        .unavailable())
                .isEqualTo("sold_out");
        assertThat(issuance.previewCode(t.id(), "c-1", codes.get(1), now)
                        .orElseThrow()
                        .unavailable())
                .isEqualTo("limit_reached");
    }

    private Api.Response upload(String key, String path, String csv) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nPartner codes\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api().send(
                        "POST",
                        path,
                        key,
                        "multipart/form-data; boundary=" + boundary,
                        body.getBytes(StandardCharsets.UTF_8));
    }
}
