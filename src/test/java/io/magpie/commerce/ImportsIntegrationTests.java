package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.assertProblem;
import static io.magpie.commerce.CommerceTestSupport.count;
import static io.magpie.commerce.CommerceTestSupport.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class ImportsIntegrationTests {

    static final String PRODUCTS_HEADER =
            "product_code,product_name,category,brand,sku,sku_name,price,list_price,status\n";

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    /** {@code products} products with two SKUs each. */
    static String productsCsv(int products) {
        StringBuilder csv = new StringBuilder(PRODUCTS_HEADER);
        for (int i = 0; i < products; i++) {
            csv.append("P")
                    .append(i)
                    .append(",\"Tea, no. ")
                    .append(i)
                    .append("\",,,P")
                    .append(i)
                    .append("-S,Small,19.99,25,ACTIVE\r\n");
            csv.append("P")
                    .append(i)
                    .append(",\"Tea, no. ")
                    .append(i)
                    .append("\",,,P")
                    .append(i)
                    .append("-L,\"Large \"\"family\"\" pack\",")
                    .append(i)
                    .append(".5,,\n");
        }
        return csv.toString();
    }

    private Api.Response upload(String kind, String key, String csv, String... headers) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + kind + ".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api.send(
                "POST",
                "/api/v1/imports/" + kind,
                key,
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private JsonNode finished(Api.Response started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String statusUrl = started.json().get("status_url").asString();
        assertThat(started.header("Location")).isEqualTo(statusUrl);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(statusUrl, tenant.apiKey())
                        .json()
                        .get("finished")
                        .asBoolean());
        return api.get(statusUrl, tenant.apiKey()).json();
    }

    @Test
    void aValidProductsFileIsImported() {
        JsonNode job = finished(upload("products", tenant.apiKey(), productsCsv(400)));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("kind").asString()).isEqualTo("import.products");
        assertThat(job.get("total").asLong()).isEqualTo(800);
        assertThat(job.get("processed").asLong()).isEqualTo(800);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(count(context, "commerce_product", tenant.id())).isEqualTo(400);
        assertThat(count(context, "commerce_sku", tenant.id())).isEqualTo(800);
        JsonNode large = api.get("/api/v1/skus/P7-L", tenant.apiKey()).json();
        assertThat(large.get("price").asLong()).isEqualTo(750);
        assertThat(large.get("name").asString()).isEqualTo("Large \"family\" pack");
        assertThat(large.get("product").get("name").asString()).isEqualTo("Tea, no. 7");
        assertThat(api.get("/api/v1/skus/P7-S", tenant.apiKey())
                        .json()
                        .get("list_price")
                        .asLong())
                .isEqualTo(2500);
    }

    @Test
    void oneBadRowAmongManyFailsTheJobAndWritesNothing() {
        String csv = productsCsv(300)
                .replace(
                        "P123,\"Tea, no. 123\",,,P123-L,\"Large \"\"family\"\" pack\",123.5",
                        "P123,\"Tea, no. 123\",,,P123-L,\"Large \"\"family\"\" pack\",12.345");

        JsonNode job = finished(upload("products", tenant.apiKey(), csv));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error_count").asInt()).isEqualTo(1);
        JsonNode error = job.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(248);
        assertThat(error.get("field").asString()).isEqualTo("price");
        assertThat(error.get("message").asString()).contains("12.345");
        assertThat(job.get("message").asString()).contains("nothing was imported");
        assertThat(job.get("total").asLong()).isEqualTo(600);
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
        assertThat(count(context, "commerce_sku", tenant.id())).isZero();
    }

    @Test
    void everyBadRowIsReportedWithItsColumn() {
        api.put("/api/v1/categories/tea", tenant.apiKey(), "{\"name\":\"Tea\"}");
        String csv = PRODUCTS_HEADER
                + "P1,Tea,tea,,S1,,1.00,,\n" // 1 ok
                + "P1,Other name,tea,,S2,,1.00,,\n" // 2 differs from row 1
                + "P2,Tea,nope,,S3,,1,,\n" // 3 unknown category
                + "P3,Tea,,,S1,,1,,\n" // 4 duplicate SKU
                + "P4,Tea,,,S4,,-1,,\n" // 5 negative
                + "P5,Tea,,,S5,,1,,SOLD\n" // 6 bad status
                + "P6,,,,S6,,1,,\n" // 7 missing name
                + "P7,Tea,,,S7,,1\n"; // 8 too few fields
        JsonNode job = finished(upload("products", tenant.apiKey(), csv));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        List<String> errors = new ArrayList<>();
        job.get("errors")
                .forEach(e -> errors.add(e.get("row").asLong() + ":"
                        + (e.hasNonNull("field") ? e.get("field").asString() : "-")));
        assertThat(errors).containsExactly("5:price", "6:status", "7:product_name", "8:-");

        String crossRow = PRODUCTS_HEADER
                + "P1,Tea,tea,,S1,,1.00,,\n"
                + "P1,Other name,tea,,S2,,1.00,,\n"
                + "P2,Tea,nope,,S3,,1,,\n"
                + "P3,Tea,,,S1,,1,,\n";
        JsonNode second = finished(upload("products", tenant.apiKey(), crossRow));
        List<String> crossErrors = new ArrayList<>();
        second.get("errors")
                .forEach(e -> crossErrors.add(
                        e.get("row").asLong() + ":" + e.get("field").asString()));
        assertThat(crossErrors).containsExactly("2:product_name", "3:category", "4:sku");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
    }

    @Test
    void aMissingRequiredColumnFailsTheJob() {
        JsonNode job = finished(upload("products", tenant.apiKey(), "product_code,product_name,sku\nP1,Tea,S1\n"));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("message").asString()).contains("missing required column(s): price");

        JsonNode unknown = finished(
                upload("products", tenant.apiKey(), "product_code,product_name,sku,price,colour\nP1,Tea,S1,1,red\n"));
        assertThat(unknown.get("message").asString()).contains("unknown column(s): colour");
        JsonNode unclosed =
                finished(upload("products", tenant.apiKey(), "product_code,product_name,sku,price\nP1,\"Tea,S1,1\n"));
        assertThat(unclosed.get("status").asString()).isEqualTo("FAILED");
        assertThat(unclosed.get("message").asString()).contains("row 1").contains("never closed");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
    }

    @Test
    void aSkuOfAStoredProductIsReported() {
        api.put("/api/v1/products/OLD", tenant.apiKey(), "{\"name\":\"Old\",\"skus\":[{\"sku\":\"S1\",\"price\":1}]}");

        JsonNode job =
                finished(upload("products", tenant.apiKey(), "product_code,product_name,sku,price\nNEW,New,S1,2\n"));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("errors").get(0).get("message").asString()).contains("belongs to product 'OLD'");
    }

    @Test
    void aProductsImportKeepsStoredAttributesAndDeactivatesUnlistedSkus() {
        api.put(
                "/api/v1/products/P1",
                tenant.apiKey(),
                "{\"name\":\"Old\",\"attributes\":{\"origin\":\"Yunnan\"},\"skus\":[{\"sku\":\"S1\",\"price\":1},"
                        + "{\"sku\":\"S2\",\"price\":2}]}");

        JsonNode job =
                finished(upload("products", tenant.apiKey(), "product_code,product_name,sku,price\nP1,New,S1,3.50\n"));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode p1 = api.get("/api/v1/products/P1", tenant.apiKey()).json();
        assertThat(p1.get("name").asString()).isEqualTo("New");
        assertThat(p1.get("attributes").get("origin").asString()).isEqualTo("Yunnan");
        assertThat(api.get("/api/v1/skus/S1", tenant.apiKey())
                        .json()
                        .get("price")
                        .asLong())
                .isEqualTo(350);
        assertThat(api.get("/api/v1/skus/S2", tenant.apiKey())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("INACTIVE");
    }

    @Test
    void customersAreImportedHashed() {
        String csv = "\uFEFFexternal_id,name,phone,email,registered_at\r\n"
                + "c1,Li Lei,138-0000-5678,Li@Example.com,2024-05-01T10:00:00Z\r\n"
                + "c2,\"Han, Meimei\",,,2024-05-02\r\n"
                + ",,,,\r\n"
                + "c3,,+86 139 0000 0000,,2024-05-03 08:30\r\n";

        JsonNode job = finished(upload("customers", tenant.apiKey(), csv));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("message").asString()).contains("3 row(s) imported");
        JsonNode c1 = api.get("/api/v1/customers/c1", tenant.apiKey()).json();
        assertThat(c1.get("phone_masked").asString()).isEqualTo("138****5678");
        assertThat(c1.get("email_masked").asString()).isEqualTo("l***@example.com");
        // a local date is read in the tenant's time zone (Asia/Shanghai)
        assertThat(api.get("/api/v1/customers/c2", tenant.apiKey())
                        .json()
                        .get("registered_at")
                        .asString())
                .isEqualTo("2024-05-01T16:00:00Z");
        assertThat(api.get("/api/v1/customers/c3", tenant.apiKey())
                        .json()
                        .get("registered_at")
                        .asString())
                .isEqualTo("2024-05-03T00:30:00Z");
        String stored = jdbc(context)
                .sql("select string_agg(row_to_json(c)::text, '') from commerce_customer c where tenant_id = ?")
                .param(tenant.id())
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("13800005678", "0000-5678", "li@example.com");
    }

    @Test
    void aCustomersImportKeepsStoredAttributes() {
        api.put("/api/v1/customers/c1", tenant.apiKey(), "{\"name\":\"Old\",\"attributes\":{\"tier\":\"gold\"}}");

        JsonNode job = finished(upload("customers", tenant.apiKey(), "external_id,name\nc1,New\n"));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode c1 = api.get("/api/v1/customers/c1", tenant.apiKey()).json();
        assertThat(c1.get("name").asString()).isEqualTo("New");
        assertThat(c1.get("attributes").get("tier").asString()).isEqualTo("gold");
    }

    @Test
    void badCustomerRowsFailTheJob() {
        String csv = "external_id,phone,email,registered_at\n"
                + "c1,13800005678,,\n"
                + "c2,12,,\n"
                + "c3,,x@,\n"
                + "c4,,,someday\n"
                + "c1,,,\n";

        JsonNode job = finished(upload("customers", tenant.apiKey(), csv));

        List<String> errors = new ArrayList<>();
        job.get("errors")
                .forEach(e ->
                        errors.add(e.get("row").asLong() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("2:phone", "3:email", "4:registered_at");
        assertThat(count(context, "commerce_customer", tenant.id())).isZero();
        JsonNode duplicates = finished(upload("customers", tenant.apiKey(), "external_id\nc1\nc2\nc1\n"));
        assertThat(duplicates.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(count(context, "commerce_customer", tenant.id())).isZero();
    }

    @Test
    void badRequestsAreRefusedUpFront() {
        assertProblem(upload("coupons", tenant.apiKey(), "a\n1\n"), 404, "unknown_import_kind");
        assertProblem(upload("products", tenant.apiKey(), ""), 400, "empty_file");
        String customersOnly = TestTenants.apiKey(context, tenant.id(), "customers");
        assertProblem(upload("products", customersOnly, productsCsv(1)), 403, "insufficient_scope");
        String readOnly = TestTenants.apiKey(context, tenant.id(), "read");
        assertProblem(upload("customers", readOnly, "external_id\nc1\n"), 403, "insufficient_scope");
        assertProblem(api.post("/api/v1/imports/products", tenant.apiKey(), "{}"), 400, "validation_failed");
        var noFile = api.send(
                "POST",
                "/api/v1/imports/products",
                tenant.apiKey(),
                "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertProblem(noFile, 400, "validation_failed");
        assertThat(api.get("/api/v1/jobs", tenant.apiKey()).json().get("items")).isEmpty();
    }

    @Test
    void anImportStartedWithAnIdempotencyKeyIsNotStartedTwice() {
        var first = upload("customers", tenant.apiKey(), "external_id\nc1\n", "Idempotency-Key", "import-1");
        var replay = upload("customers", tenant.apiKey(), "external_id\nc1\n", "Idempotency-Key", "import-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(
                upload("customers", tenant.apiKey(), "external_id\nc2\n", "Idempotency-Key", "import-1"),
                422,
                "idempotency_key_reused");
        finished(first);
        assertThat(api.get("/api/v1/jobs", tenant.apiKey()).json().get("items")).hasSize(1);
    }

    @Test
    void anotherTenantCannotSeeTheJob() {
        var started = upload("customers", tenant.apiKey(), "external_id\nc1\n");
        finished(started);
        TestTenant other = TestTenants.create(context);
        assertProblem(api.get(started.json().get("status_url").asString(), other.apiKey()), 404, "not_found");
        assertThat(count(context, "commerce_customer", other.id())).isZero();
    }
}
