package io.magpie;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.promotion.TenantACampaigns;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Tenant A's data for {@link TenantIsolationIntegrationTests}: created through the API, every
 * name carrying the marker. Add new resources and sample bodies here when a module adds endpoints.
 */
final class TenantAFixture {

    private TenantAFixture() {}

    /** Creates A's resources and returns the identifiers that fill path variables. */
    static Map<String, String> create(Api api, TestTenant a, String marker, ApplicationContext context) {
        String k = a.apiKey();
        Map<String, String> ids = new HashMap<>();
        String m = marker.toLowerCase();
        ok(api.put("/api/v1/categories/cat-" + m, k, "{\"name\":\"" + marker + "\"}"));
        ok(api.put("/api/v1/brands/brand-" + m, k, "{\"name\":\"" + marker + "\"}"));
        ok(api.put("/api/v1/stores/store-" + m, k, """
                {"name":"%s","time_zone":"Asia/Shanghai","latitude":31.2,"longitude":121.4,"address":"%s"}""".formatted(marker, marker)));
        ok(api.put("/api/v1/products/prod-" + m, k, """
                {"name":"%s","category":"cat-%s","brand":"brand-%s","skus":[{"sku":"sku-%s","name":"%s","price":1999}]}""".formatted(marker, m, m, m, marker)));
        ok(api.put("/api/v1/customers/cust-" + m, k, """
                {"name":"%s","phone":"13800138000","email":"%s@example.com"}""".formatted(marker, m)));
        ok(api.post("/api/v1/orders", k, """
                {"order_id":"ord-%s","customer_id":"cust-%s","store":"store-%s",
                 "lines":[{"line_id":"1","sku":"sku-%s","quantity":3,"unit_price":1999}]}""".formatted(m, m, m, m)));
        ok(api.post("/api/v1/orders/ord-" + m + "/pay", k, "{}"));
        ok(api.post("/api/v1/orders/ord-" + m + "/refunds", k, """
                {"refund_id":"ref-%s","reason":"%s","lines":[{"line_id":"1","quantity":1}]}""".formatted(m, marker)));
        var key = ok(api.post("/api/v1/api-keys", k, "{\"name\":\"" + marker + "\",\"scopes\":[\"read\"]}"));
        var user = ok(api.post("/api/v1/users", k, """
                {"username":"u%s","display_name":"%s","password":"%s-password","role":"OPERATOR"}""".formatted(m, marker, m)));
        var job = ok(upload(api, k, "external_id,name\ncsv-" + m + "," + marker + "\n"));
        var draft = ok(api.post("/api/v1/campaigns", k, campaign(marker)));

        var sale = ok(api.post("/api/v1/flash-sales/sessions", k, flashSession(marker)));
        String session = sale.json().get("id").asString();
        var saleItem = ok(api.post("/api/v1/flash-sales/sessions/" + session + "/items", k, flashItem(m, marker)));
        String item = saleItem.json().get("id").asString();
        ok(api.post("/api/v1/flash-sales/sessions/" + session + "/publish", k, "{}"));
        var reservation = ok(api.post(
                "/api/v1/flash-sales/" + session + "/items/" + item + "/reservations",
                k,
                "{\"customer_id\":\"cust-" + m + "\",\"order_id\":\"fs-" + m + "\"}"));

        ids.put("session", session);
        ids.put("item", item);
        ids.put("reservation", reservation.json().get("reservation_id").asString());
        long campaign = io.magpie.promotion.PromotionTestData.campaign(context, a.id(), marker);
        ids.put("/api/v1/campaigns/{id}/results#id", String.valueOf(campaign));
        ok(api.post("/api/v1/orders", k, """
                {"order_id":"ordp-%s","customer_id":"cust-%s","lines":[{"line_id":"1","sku":"sku-%s","quantity":2,
                 "unit_price":1999,"discount":100}],"promotions":[{"campaign_id":%d,"discount":100,
                 "allocations":[{"line_id":"1","amount":100}]}]}""".formatted(m, m, m, campaign)));
        ids.put("/api/v1/orders/{orderId}/promotions#orderId", "ordp-" + m);
        // promotions: a coupon template (written directly: its CRUD API belongs to the campaigns module), a claimed
        // coupon whose customer id carries the marker, and a finished code batch named after the marker
        long template = io.magpie.promotion.CouponTestData.template(context, a.id(), marker, null, 5);
        ok(api.post(
                "/api/v1/coupons/claim",
                k,
                "{\"template_id\":" + template + ",\"customer_id\":\"" + marker + "\",\"request_id\":\"r-" + m
                        + "\"}"));
        var batch = ok(api.post(
                "/api/v1/coupon-templates/" + template + "/code-batches",
                k,
                "{\"name\":\"" + marker + "\",\"pattern\":\"A-######\",\"count\":3}"));
        String batchId = batch.json().get("batch_id").asString();
        for (int i = 0;
                i < 300 && api.get("/api/v1/code-batches/" + batchId, k).body().contains("GENERATING");
                i++) {
            sleep();
        }
        String code = api.get("/api/v1/code-batches/" + batchId + "/codes.csv", k)
                .body()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .split(",")[0];
        for (String p : new String[] {
            "/api/v1/coupon-templates/{id}",
            "/api/v1/coupon-templates/{id}/coupons",
            "/api/v1/coupon-templates/{id}/issue",
            "/api/v1/coupon-templates/{id}/issue-jobs",
            "/api/v1/coupon-templates/{id}/code-batches",
            "/api/v1/coupon-templates/{id}/code-batches/import"
        }) {
            ids.put(p + "#id", Long.toString(template));
        }
        ids.put("/api/v1/code-batches/{id}#id", batchId);
        ids.put("/api/v1/code-batches/{id}/codes.csv#id", batchId);
        ids.put("customerId", marker);
        ids.put("templateId", Long.toString(template));
        ids.put("code", code);

        ids.put("/api/v1/api-keys/{id}#id", key.json().get("id").asString());
        ids.put("/api/v1/api-keys/{id}/revoke#id", key.json().get("id").asString());
        ids.put("/api/v1/users/{id}#id", user.json().get("id").asString());
        ids.put("/api/v1/users/{id}/password#id", user.json().get("id").asString());
        ids.put("/api/v1/jobs/{id}#id", job.json().get("job_id").asString());
        ids.put("/api/v1/categories/{code}#code", "cat-" + m);
        ids.put("/api/v1/brands/{code}#code", "brand-" + m);
        ids.put("/api/v1/stores/{code}#code", "store-" + m);
        ids.put("/api/v1/products/{code}#code", "prod-" + m);
        ids.put("/api/v1/campaigns/{id}#id", draft.json().get("id").asString());
        ids.put(
                "/api/v1/campaigns/{id}/{transition:publish|pause|resume|end|archive}#id",
                draft.json().get("id").asString());
        ids.put("transition", "publish");
        ids.put("sku", "sku-" + m);
        ids.put(
                "/api/v1/campaigns/{id}/evaluate#id",
                String.valueOf(TenantACampaigns.percentOff(context, a.id(), marker + " campaign")));
        ids.put("externalId", "cust-" + m);
        ids.put("orderId", "ord-" + m);
        ids.put("kind", "customers");
        ids.put("marker", m);
        return ids;
    }

    /** A request body that passes validation for a mutating endpoint, or null when unknown. */
    static String body(String method, String pattern, Map<String, String> ids) {
        String m = ids.get("marker");
        String order = """
                {"order_id":"ord-%s","customer_id":"cust-%s","lines":[{"line_id":"1","sku":"sku-%s","quantity":1,"unit_price":100}]}""".formatted(m, m, m);
        return switch (method + " " + pattern) {
            case "POST /api/v1/api-keys" -> "{\"name\":\"b\",\"scopes\":[\"read\"]}";
            case "POST /api/v1/api-keys/{id}/revoke",
                    "POST /api/v1/orders/{orderId}/pay",
                    "POST /api/v1/orders/{orderId}/cancel" -> "{}";
            case "POST /api/v1/users" ->
                """
                    {"username":"b%s","display_name":"B","password":"b-password-123","role":"ANALYST"}""".formatted(UUID.randomUUID().toString().substring(0, 8));
            case "POST /api/v1/users/{id}" -> "{\"enabled\":false}";
            case "POST /api/v1/users/{id}/password" -> "{\"password\":\"hijacked-password\"}";
            case "PUT /api/v1/categories/{code}", "PUT /api/v1/brands/{code}" -> "{\"name\":\"hijack\"}";
            case "PUT /api/v1/stores/{code}" -> "{\"name\":\"hijack\",\"time_zone\":\"Asia/Shanghai\"}";
            case "PUT /api/v1/products/{code}" ->
                "{\"name\":\"hijack\",\"skus\":[{\"sku\":\"sku-" + m + "\",\"name\":\"x\",\"price\":1}]}";
            case "POST /api/v1/products/bulk" ->
                "{\"products\":[{\"code\":\"prod-" + m + "\",\"name\":\"hijack\",\"skus\":[{\"sku\":\"sku-" + m
                        + "\",\"name\":\"x\",\"price\":1}]}]}";
            case "PUT /api/v1/customers/{externalId}" -> "{\"name\":\"hijack\"}";
            case "POST /api/v1/customers/bulk" ->
                "{\"customers\":[{\"external_id\":\"cust-" + m + "\",\"name\":\"hijack\"}]}";
            case "POST /api/v1/orders" -> order;
            case "POST /api/v1/orders/bulk" -> "{\"orders\":[" + order + "]}";
            case "POST /api/v1/orders/{orderId}/refunds" ->
                "{\"refund_id\":\"ref-" + m + "\",\"lines\":[{\"line_id\":\"1\",\"quantity\":1}]}";
            case "POST /api/v1/imports/{kind}",
                    "POST /api/v1/coupon-templates/{id}/issue-jobs",
                    "POST /api/v1/coupon-templates/{id}/code-batches/import",
                    "POST /api/v1/campaigns/{id}/{transition:publish|pause|resume|end|archive}",
                    "POST /api/v1/flash-sales/sessions/{session}/publish",
                    "POST /api/v1/flash-sales/sessions/{session}/cancel",
                    "POST /api/v1/flash-sales/{session}/items/{item}/reservations/{reservation}/confirm",
                    "POST /api/v1/flash-sales/{session}/items/{item}/reservations/{reservation}/cancel" -> "{}";
            case "POST /api/v1/flash-sales/sessions", "PUT /api/v1/flash-sales/sessions/{session}" ->
                flashSession("hijack");
            case "POST /api/v1/flash-sales/sessions/{session}/items",
                    "PUT /api/v1/flash-sales/sessions/{session}/items/{item}" -> flashItem(m, "hijack");
            case "POST /api/v1/flash-sales/{session}/items/{item}/reservations",
                    "POST /api/v1/flash-sales/{session}/purchase-tokens" -> "{\"customer_id\":\"cust-" + m + "\"}";
            case "POST /api/v1/coupons/claim" ->
                "{\"template_id\":" + ids.get("templateId") + ",\"customer_id\":\"b-" + m + "\",\"request_id\":\"r-" + m
                        + "\"}";
            case "POST /api/v1/coupons/redeem-code" ->
                "{\"customer_id\":\"b-" + m + "\",\"code\":\"" + ids.get("code") + "\"}";
            case "POST /api/v1/coupon-templates/{id}/issue" -> "{\"customer_ids\":[\"b-" + m + "\"]}";
            case "POST /api/v1/coupon-templates/{id}/code-batches" ->
                "{\"name\":\"b\",\"pattern\":\"B-######\",\"count\":1}";
            case "POST /api/v1/carts/evaluate", "POST /api/v1/campaigns/{id}/evaluate" ->
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"sku-" + m + "\",\"quantity\":1,\"unit_price\":1999}]}";
            case "POST /api/v1/skus/promotions" -> "{\"skus\":[\"sku-" + m + "\"]}";
            case "POST /api/v1/campaigns" -> campaign("hijack");
            case "PUT /api/v1/campaigns/{id}" -> campaign("hijack").replaceFirst("\\{", "{\"version\":1,");
            case "PUT /api/v1/promotion-settings" -> "{\"group_caps\":{\"hijack\":1},\"allow_free_orders\":true}";
            default -> null;
        };
    }

    /** A valid automatic 满减 draft named {@code name}, with a budget and an explicit customer list. */
    private static String campaign(String name) {
        return """
                {"name":"%s","kind":"AUTOMATIC","rule_type":"THRESHOLD_AMOUNT_OFF",
                 "config":{"tiers":[{"threshold":10000,"amount_off":1000}]},
                 "audience":{"kind":"CUSTOMERS","customer_ids":["cust-%s"]},
                 "limits":[{"measure":"DISCOUNT_AMOUNT","per":"CAMPAIGN","period":"TOTAL","max":100000}]}""".formatted(name, name.toLowerCase());
    }

    /** A session that started a minute ago and runs for a day. */
    private static String flashSession(String name) {
        java.time.Instant start =
                java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return """
                {"name":"%s","starts_at":"%s","ends_at":"%s","time_zone":"Asia/Shanghai"}""".formatted(name, start, start.plusSeconds(86_400));
    }

    private static String flashItem(String m, String name) {
        return """
                {"sku":"sku-%s","name":"%s","flash_price":990,"stock":10,"per_customer_limit":2}""".formatted(m, name);
    }

    private static Api.Response upload(Api api, String key, String csv) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api.send(
                "POST",
                "/api/v1/imports/customers",
                key,
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }
}
