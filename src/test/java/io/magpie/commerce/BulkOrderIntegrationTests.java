package io.magpie.commerce;

import static io.magpie.commerce.OrderLifecycleIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class BulkOrderIntegrationTests {

    @Autowired
    ApplicationContext context;

    OrderFixture f;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
    }

    private static String bulk(List<String> orders) {
        return "{\"orders\": [" + String.join(",", orders) + "]}";
    }

    /** Order {@code i} of a batch: customers repeat, every third order has no customer. */
    private static String order(String prefix, int i) {
        String customer = i % 3 == 0 ? "" : "\"customer_id\": \"bulk-c" + (i % 7) + "\", ";
        return """
                {"order_id": "%s-%d", %s"discount": 10, "lines": [
                  {"line_id": "1", "sku": "green-250g", "quantity": %d, "unit_price": 4900},
                  {"line_id": "2", "sku": "cup", "quantity": 1, "unit_price": 1500, "discount": 100}]}""".formatted(prefix, i, customer, 1 + i % 5);
    }

    @Test
    void createsAThousandOrdersAndRecognisesTheOnesItHasSeen() {
        String prefix = OrderFixture.newOrderId();
        f.post("/api/v1/orders", order(prefix, 0));
        List<String> orders =
                IntStream.range(0, 1000).mapToObj(i -> order(prefix, i)).toList();

        Api.Response r = f.post("/api/v1/orders/bulk", bulk(orders));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("created").asInt()).isEqualTo(999);
        assertThat(body.get("existing").asInt()).isEqualTo(1);
        assertThat(body.get("results")).hasSize(1000);
        assertThat(body.get("results").get(0).get("order_id").asString()).isEqualTo(prefix + "-0");
        assertThat(body.get("results").get(0).get("result").asString()).isEqualTo("existing");
        assertThat(body.get("results").get(1).get("result").asString()).isEqualTo("created");
        assertThat(f.orders()).isEqualTo(1000);
        assertThat(f.lines()).isEqualTo(2000);
        assertThat(f.customers()).isEqualTo(7);
        assertThat(f.publications("OrderCreated", prefix + "-999\"")).isEqualTo(1);

        // amounts are the same as through the single endpoint
        JsonNode o = f.get("/api/v1/orders/" + prefix + "-7").json();
        assertThat(o.get("customer_id").asString()).isEqualTo("bulk-c0");
        assertThat(o.get("subtotal").asLong()).isEqualTo(3 * 4900 + 1400);
        assertThat(o.get("total").asLong()).isEqualTo(3 * 4900 + 1400 - 10);
        assertThat(o.get("lines").get(0).get("amount").asLong()
                        + o.get("lines").get(1).get("amount").asLong())
                .isEqualTo(o.get("total").asLong());
        assertThat(f.get("/api/v1/orders/" + prefix + "-3").json().get("customer_id"))
                .isNull();

        // the whole batch again: everything exists, nothing is written or published
        Api.Response again = f.post("/api/v1/orders/bulk", bulk(orders));
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("existing").asInt()).isEqualTo(1000);
        assertThat(f.orders()).isEqualTo(1000);
        assertThat(f.publications("OrderCreated", prefix + "-999\"")).isEqualTo(1);

        // let the listener finish its thousand deliveries before the next test (and JVM exit) begins
        await().atMost(Duration.ofSeconds(60))
                .until(() -> f.jdbc.sql(
                                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                                .param("%" + prefix + "%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void oneInvalidOrderFailsTheBatchWithEveryProblemByPath() {
        String prefix = OrderFixture.newOrderId();
        List<String> orders =
                IntStream.range(0, 10).mapToObj(i -> order(prefix, i)).collect(Collectors.toList());
        orders.set(3, orders.get(3).replace("\"quantity\": 4", "\"quantity\": 0"));
        orders.set(5, orders.get(5).replace("\"sku\": \"cup\"", "\"sku\": \"no-such-sku\""));

        Api.Response r = f.post("/api/v1/orders/bulk", bulk(orders));
        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("orders[3].lines[0].quantity");

        orders.set(3, order(prefix, 3));
        Api.Response semantic = f.post("/api/v1/orders/bulk", bulk(orders));
        assertProblem(semantic, 400, "validation_failed");
        assertThat(semantic.json().get("errors").findValuesAsString("field")).containsExactly("orders[5].lines[1].sku");
        assertThat(semantic.json().get("errors").findValuesAsString("code")).containsExactly("unknown_sku");

        orders.set(5, order(prefix, 5));
        orders.set(8, order(prefix, 2));
        Api.Response duplicate = f.post("/api/v1/orders/bulk", bulk(orders));
        assertProblem(duplicate, 400, "validation_failed");
        assertThat(duplicate.json().get("errors").findValuesAsString("code")).containsExactly("duplicate_order_id");

        assertThat(f.orders()).isZero();
        assertThat(f.customers()).isZero();
    }

    @Test
    void aConflictingOrderFailsTheBatchAndNamesIt() {
        String prefix = OrderFixture.newOrderId();
        f.post("/api/v1/orders", order(prefix, 4).replace("\"discount\": 10", "\"discount\": 11"));
        List<String> orders =
                IntStream.range(0, 10).mapToObj(i -> order(prefix, i)).toList();

        Api.Response r = f.post("/api/v1/orders/bulk", bulk(orders));

        assertProblem(r, 409, "order_conflict");
        assertThat(r.json().get("detail").asString()).contains(prefix + "-4");
        assertThat(f.orders()).isEqualTo(1);
        assertThat(f.customers()).isEqualTo(1);
    }

    @Test
    void batchLimits() {
        assertProblem(f.post("/api/v1/orders/bulk", "{\"orders\": []}"), 400, "validation_failed");
        assertProblem(f.post("/api/v1/orders/bulk", "{}"), 400, "validation_failed");
        String tooMany =
                bulk(IntStream.range(0, 1001).mapToObj(i -> order("t", i)).toList());
        assertProblem(f.post("/api/v1/orders/bulk", tooMany), 400, "validation_failed");
        assertProblem(f.post("/api/v1/orders/bulk", "{\"orders\": [null]}"), 400, "validation_failed");
        assertThat(f.orders()).isZero();
    }
}
