package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class OrdersImportIntegrationTests {

    static final String HEADER =
            "order_id,customer_id,ordered_at,paid_at,freight,line_id,sku,quantity,unit_price,line_discount\n";

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
        assertThat(api.put("/api/v1/products/TEA", tenant.apiKey(), """
                                {"name":"Tea","skus":[{"sku":"TEA-S","name":"Small","price":1990},{"sku":"TEA-L","name":"Large","price":3990}]}""").status())
                .isBetween(200, 201);
    }

    @Test
    void ordersWithSeveralLinesArePricedAndPaidLikeTheApiDoes() {
        String csv = HEADER
                + "O-1,C-1,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z,10.00,1,TEA-S,2,19.90,\n"
                + "O-1,C-1,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z,10.00,2,TEA-L,1,39.90,5.00\n"
                + "O-2,C-2,2026-10-02T10:00:00Z,,,1,TEA-L,1,39.90,\n";
        JsonNode job = finished(upload(csv));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode one = api.get("/api/v1/orders/O-1", tenant.apiKey()).json();
        assertThat(one.get("status").asString()).isEqualTo("PAID");
        assertThat(one.get("subtotal").asLong()).isEqualTo(2 * 1990 + 3990 - 500);
        assertThat(one.get("total").asLong()).isEqualTo(2 * 1990 + 3990 - 500 + 1000);
        assertThat(one.get("lines")).hasSize(2);
        assertThat(api.get("/api/v1/orders/O-2", tenant.apiKey())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CREATED");
    }

    @Test
    void anUnknownSkuFailsTheWholeFileNamingTheRowAndWritesNothing() {
        String csv = HEADER
                + "O-1,C-1,2026-10-01T10:00:00Z,,,1,TEA-S,1,19.90,\n"
                + "O-2,C-2,2026-10-01T10:00:00Z,,,1,NOPE,1,19.90,\n";
        JsonNode job = finished(upload(csv));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("message").asString()).contains("row 2", "NOPE");
        assertThat(count(context, "commerce_order", tenant.id())).isZero();
    }

    @Test
    void rowsOfOneOrderMustAgreeOnTheOrderColumns() {
        String csv = HEADER
                + "O-1,C-1,2026-10-01T10:00:00Z,,,1,TEA-S,1,19.90,\n"
                + "O-1,C-9,2026-10-01T10:00:00Z,,,2,TEA-L,1,39.90,\n";
        JsonNode job = finished(upload(csv));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(job.get("errors").get(0).get("field").asString()).isEqualTo("customer_id");
        assertThat(count(context, "commerce_order", tenant.id())).isZero();
    }

    private Api.Response upload(String csv) {
        String boundary = "----magpie" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return api.send(
                "POST",
                "/api/v1/imports/orders",
                tenant.apiKey(),
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode finished(Api.Response started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String url = started.json().get("status_url").asString();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        api.get(url, tenant.apiKey()).json().get("finished").asBoolean());
        return api.get(url, tenant.apiKey()).json();
    }
}
