package io.magpie.promotion;

import static io.magpie.promotion.CouponClaimIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text with control characters (a NUL PostgreSQL cannot store) on every promotion endpoint that takes free
 * text: 400 with the field's path, nothing written — before, most of them reached the database and came back
 * as 409 {@code conflict}.
 */
@MagpieIntegrationTest
class PromotionBadInputIntegrationTests {

    /** A JSON-escaped NUL. */
    private static final String NUL = "\\u0000";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return Api.of(context);
    }

    private static String campaign(String extra) {
        return "{\"name\":\"x\",\"kind\":\"AUTOMATIC\",\"rule_type\":\"AMOUNT_OFF\",\"config\":{\"amount_off\":100}"
                + extra + "}";
    }

    private static void assertField(Api.Response r, String code, String field) {
        assertProblem(r, 400, code);
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .as(r.toString())
                .contains(field);
    }

    @Test
    void campaignTextWithControlCharactersIsA400WithItsPath() {
        TestTenant t = TestTenants.create(context);
        String k = t.apiKey();
        String path = "/api/v1/campaigns";
        assertField(
                api().post(path, k, campaign("").replace("\"name\":\"x\"", "\"name\":\"x" + NUL + "\"")),
                "validation_failed",
                "name");
        assertField(
                api().post(path, k, campaign(",\"description\":\"a" + NUL + "\"")), "validation_failed", "description");
        assertField(
                api().post(
                                path,
                                k,
                                campaign(",\"audience\":{\"kind\":\"CONDITIONS\",\"conditions\":[{\"attribute\":\"a"
                                        + NUL + "\",\"operator\":\"IN\",\"values\":[\"v" + NUL + "\"]}]}")),
                "validation_failed",
                "audience.conditions[0].values");
        assertField(
                api().post(
                                path,
                                k,
                                campaign(",\"audience\":{\"kind\":\"CUSTOMERS\",\"customer_ids\":[\"c" + NUL + "\"]}")),
                "validation_failed",
                "audience.customer_ids[0]");
        assertField(
                api().post(path, k, campaign(",\"scope\":{\"skus\":[\"S" + NUL + "\"]}")),
                "validation_failed",
                "scope.skus[0]");
        assertField(
                api().post(
                                path,
                                k,
                                "{\"name\":\"x\",\"kind\":\"AUTOMATIC\",\"rule_type\":\"ACTIVITY_PRICE\","
                                        + "\"config\":{\"sku_prices\":{\"S" + NUL + "\":100}}}"),
                "validation_failed",
                "config.sku_prices.S\u0000");
        assertField(
                api().post(
                                path,
                                k,
                                "{\"name\":\"x\",\"kind\":\"AUTOMATIC\",\"rule_type\":\"THRESHOLD_GIFT\",\"config\":"
                                        + "{\"basis\":\"AMOUNT\",\"threshold\":100,\"gift_sku\":\"G" + NUL
                                        + "\",\"quantity\":1}}"),
                "validation_failed",
                "config.gift_sku");
        // a description may still span lines
        assertThat(api().post(path, k, campaign(",\"description\":\"line 1\\nline 2\\tend\""))
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from promotion_campaign where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void couponAndCodeBatchTextWithControlCharactersIsA400() {
        TestTenant t = TestTenants.create(context);
        String k = t.apiKey();
        long template = CouponTestData.template(context, t.id(), "Save 30", 10, 2);
        assertField(
                api().post(
                                "/api/v1/coupons/claim",
                                k,
                                "{\"template_id\":" + template + ",\"customer_id\":\"c\",\"request_id\":\"r" + NUL
                                        + "\"}"),
                "validation_failed",
                "request_id");
        assertField(
                api().post(
                                "/api/v1/coupon-templates/" + template + "/code-batches",
                                k,
                                "{\"name\":\"b" + NUL + "c\",\"pattern\":\"**********\",\"count\":1}"),
                "validation_failed",
                "name");
        assertField(
                api().post(
                                "/api/v1/coupon-templates/" + template + "/code-batches",
                                k,
                                "{\"name\":\"" + "n".repeat(201) + "\",\"pattern\":\"**********\",\"count\":1}"),
                "validation_failed",
                "name");
        assertField(importCodes(k, template, "n".repeat(201), "code\nABCDEF\n"), "validation_failed", "name");
        assertThat(jdbc.sql("select count(*) from promotion_code_batch where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from promotion_coupon where tenant_id = ?")
                        .param(t.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void cartAndProductTextWithControlCharactersIsA400() {
        TestTenant t = TestTenants.create(context);
        String k = t.apiKey();
        String line = "{\"line_id\":\"1\",\"sku\":\"S\",\"quantity\":1,\"unit_price\":100}";
        assertField(
                api().post(
                                "/api/v1/carts/evaluate",
                                k,
                                "{\"lines\":[" + line.replace("\"S\"", "\"S" + NUL + "\"") + "]}"),
                "validation_failed",
                "lines[0].sku");
        assertField(
                api().post(
                                "/api/v1/carts/evaluate",
                                k,
                                "{\"lines\":[" + line + "],\"customer\":{\"id\":\"c" + NUL + "\"},\"coupon_codes\":[\"A"
                                        + NUL + "\"]}"),
                "validation_failed",
                "coupon_codes[0]");
        assertField(
                api().post("/api/v1/skus/promotions", k, "{\"skus\":[\"A" + NUL + "\"]}"),
                "validation_failed",
                "skus[0]");
        assertField(
                api().post("/api/v1/skus/promotions", k, "{\"skus\":[\"A\"],\"customer_id\":\"c" + NUL + "\"}"),
                "validation_failed",
                "customer_id");
        assertField(api().get("/api/v1/skus/A/promotions?store=s%00", k), "validation_failed", "store");
    }

    private Api.Response importCodes(String key, long template, String name, String csv) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api().send(
                        "POST",
                        "/api/v1/coupon-templates/" + template + "/code-batches/import",
                        key,
                        "multipart/form-data; boundary=" + boundary,
                        body.getBytes(StandardCharsets.UTF_8));
    }
}
