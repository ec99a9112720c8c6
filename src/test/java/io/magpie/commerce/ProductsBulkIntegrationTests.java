package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.assertProblem;
import static io.magpie.commerce.CommerceTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ProductsBulkIntegrationTests {

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    static String item(int i, long price) {
        return "{\"code\":\"P" + i + "\",\"name\":\"Product " + i + "\",\"skus\":[{\"sku\":\"P" + i + "-A\",\"price\":"
                + price + "},{\"sku\":\"P" + i + "-B\",\"price\":" + (price + 100) + "}]}";
    }

    static String body(int n, IntFunction<String> item) {
        return IntStream.range(0, n).mapToObj(item).collect(Collectors.joining(",", "{\"products\":[", "]}"));
    }

    private Api.Response bulk(String json, String... headers) {
        return api.post("/api/v1/products/bulk", tenant.apiKey(), json, headers);
    }

    @Test
    void createsThenUpdatesInOneCall() {
        var first = bulk(body(300, i -> item(i, 1000 + i)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("created").asLong()).isEqualTo(300);
        assertThat(first.json().get("updated").asLong()).isZero();
        assertThat(count(context, "commerce_sku", tenant.id())).isEqualTo(600);

        var second = bulk(body(310, i -> item(i, 2000)));
        assertThat(second.json().get("created").asLong()).isEqualTo(10);
        assertThat(second.json().get("updated").asLong()).isEqualTo(300);
        assertThat(api.get("/api/v1/skus/P7-B", tenant.apiKey())
                        .json()
                        .get("price")
                        .asLong())
                .isEqualTo(2100);
    }

    @Test
    void oneBadItemRefusesTheWholeBatchAndReportsEveryProblem() {
        var r = bulk(body(50, i -> switch (i) {
            case 3 -> item(i, -1);
            case 17 -> "{\"code\":\"P17\",\"name\":\"\",\"skus\":[{\"sku\":\"P17-A\",\"price\":1}]}";
            case 40 ->
                "{\"code\":\"P40\",\"name\":\"x\",\"category\":\"nope\",\"skus\":[{\"sku\":\"P1-A\",\"price\":1}]}";
            default -> item(i, 100);
        }));

        assertProblem(r, 400, "validation_failed");
        List<String> fields = new ArrayList<>();
        r.json()
                .get("errors")
                .forEach(e -> fields.add(
                        e.get("field").asString() + ":" + e.get("code").asString()));
        assertThat(fields)
                .contains(
                        "products[3].skus[0].price:out_of_range",
                        "products[17].name:required",
                        "products[40].category:unknown_category",
                        "products[40].skus[0].sku:duplicate");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
        assertThat(count(context, "commerce_sku", tenant.id())).isZero();
    }

    @Test
    void skusOfOtherStoredProductsAreReported() {
        bulk(body(2, i -> item(i, 100)));

        var r = bulk("{\"products\":[" + item(5, 1) + ",{\"code\":\"P6\",\"name\":\"x\",\"skus\":[{\"sku\":\"P0-A\","
                + "\"price\":1}]}]}");

        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("products[1].skus[0].sku");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("sku_taken");
        assertThat(count(context, "commerce_product", tenant.id())).isEqualTo(2);
    }

    @Test
    void limitsAndMalformedBodiesAreRefused() {
        var tooMany = bulk(body(1001, i -> item(i, 1)));
        assertProblem(tooMany, 400, "validation_failed");
        assertThat(tooMany.json().get("errors").get(0).get("code").asString()).isEqualTo("size");
        assertProblem(bulk("{\"products\":[" + item(1, 1) + ","), 400, "malformed_json");
        assertProblem(bulk("{\"products\":[" + item(1, 1) + "],\"dry_run\":true}"), 400, "unknown_field");
        assertProblem(bulk("{}"), 400, "validation_failed");
        assertProblem(bulk("{\"products\":{}}"), 400, "wrong_type");
        assertProblem(bulk("{\"products\":[null]}"), 400, "validation_failed");
        assertProblem(bulk("{\"products\":[" + item(1, 1) + "," + item(1, 2) + "]}"), 400, "validation_failed");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String json = body(5, i -> item(i, 100));
        var first = bulk(json, "Idempotency-Key", "bulk-1");
        var replay = bulk(json, "Idempotency-Key", "bulk-1");

        assertThat(first.json().get("created").asLong()).isEqualTo(5);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertProblem(bulk(body(6, i -> item(i, 100)), "Idempotency-Key", "bulk-1"), 422, "idempotency_key_reused");
        assertThat(count(context, "commerce_product", tenant.id())).isEqualTo(5);

        var fresh = bulk(json, "Idempotency-Key", "bulk-2");
        assertThat(fresh.json().get("updated").asLong()).isEqualTo(5);
    }

    @Test
    void bulkNeedsTheCatalogScope() {
        String readOnly = TestTenants.apiKey(context, tenant.id(), "read", "customers");
        assertProblem(api.post("/api/v1/products/bulk", readOnly, body(1, i -> item(i, 1))), 403, "insufficient_scope");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
    }
}
