package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class OrderLifecycleIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderEventRecorder recorder;

    OrderFixture f;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
    }

    @Test
    void createPayRefundByUnitsThenRefundTheRest() {
        String id = OrderFixture.newOrderId();

        Api.Response created = f.post("/api/v1/orders", OrderFixture.order(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/orders/" + id);
        JsonNode order = created.json();
        assertThat(order.get("status").asString()).isEqualTo("CREATED");
        assertThat(order.get("customer_id").asString()).isEqualTo("c-1001");
        assertThat(order.get("store").asString()).isEqualTo("SH-01");
        assertThat(order.get("channel").asString()).isEqualTo("mini_program");
        assertThat(order.get("currency").asString()).isEqualTo("CNY");
        assertThat(order.get("ordered_at").asString()).isEqualTo("2026-01-05T02:00:00Z");
        // 3 x 49.00 - 2.00 = 145.00 and 15.00; 10.00 off prorated 9.06 / 0.94 (largest remainder)
        assertThat(order.get("subtotal").asLong()).isEqualTo(16000);
        assertThat(order.get("discount").asLong()).isEqualTo(1000);
        assertThat(order.get("freight").asLong()).isEqualTo(800);
        assertThat(order.get("total").asLong()).isEqualTo(15800);
        JsonNode line1 = order.get("lines").get(0);
        assertThat(line1.get("product").asString()).isEqualTo("green");
        assertThat(line1.get("discount").asLong()).isEqualTo(200 + 906);
        assertThat(line1.get("amount").asLong()).isEqualTo(13594);
        assertThat(order.get("lines").get(1).get("discount").asLong()).isEqualTo(94);
        assertThat(order.get("lines").get(1).get("amount").asLong()).isEqualTo(1406);
        assertThat(f.get("/api/v1/orders/" + id).json()).isEqualTo(order);

        Api.Response paid = f.post("/api/v1/orders/" + id + "/pay", "{\"paid_at\": \"2026-01-05T02:03:00Z\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paid_at").asString()).isEqualTo("2026-01-05T02:03:00Z");

        // unit 1 of line 1: 135.94 over 3 units is 45.32, 45.31, 45.31
        Api.Response partial = f.post("/api/v1/orders/" + id + "/refunds", """
                {"refund_id": "r1", "reason": "damaged", "lines": [{"line_id": "1", "units": [1]}]}""");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(partial.json().get("amount").asLong()).isEqualTo(4531);
        assertThat(partial.json().get("lines").get(0).get("units").get(0).asInt())
                .isEqualTo(1);
        JsonNode afterPartial = f.get("/api/v1/orders/" + id).json();
        assertThat(afterPartial.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(afterPartial.get("refunded").asLong()).isEqualTo(4531);
        assertThat(afterPartial.get("lines").get(0).get("refunded_quantity").asInt())
                .isEqualTo(1);

        // by quantity: the lowest unrefunded units, 0 and 2
        Api.Response rest = f.post("/api/v1/orders/" + id + "/refunds", """
                {"refund_id": "r2", "lines": [{"line_id": "1", "quantity": 2}, {"line_id": "2", "quantity": 1}]}""");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(rest.json().get("lines").get(0).get("units").toString()).isEqualTo("[0,2]");
        assertThat(rest.json().get("amount").asLong()).isEqualTo(4532 + 4531 + 1406);

        JsonNode done = f.get("/api/v1/orders/" + id).json();
        assertThat(done.get("status").asString()).isEqualTo("REFUNDED");
        // every unit back: exactly the line amounts (freight is not part of a line refund)
        assertThat(done.get("refunded").asLong()).isEqualTo(13594 + 1406);
        assertThat(done.get("lines").get(0).get("refunded").asLong()).isEqualTo(13594);
        assertThat(done.get("refunds")).hasSize(2);
        assertThat(done.get("refunds").get(0).get("reason").asString()).isEqualTo("damaged");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(recorder.received(OrderCreated.class, id)).hasSize(1);
            assertThat(recorder.received(OrderPaid.class, id)).hasSize(1);
            assertThat(recorder.received(OrderRefunded.class, id)).hasSize(2);
        });
        OrderCreated event = recorder.received(OrderCreated.class, id).get(0);
        assertThat(event.tenantId()).isEqualTo(f.tenant.id());
        assertThat(event.total()).isEqualTo(15800);
        assertThat(event.lines().get(0).categoryId()).isEqualTo(f.categoryId);
        assertThat(event.lines().get(1).categoryId()).isNull();
        assertThat(event.lines().get(0).amount()).isEqualTo(13594);
        assertThat(recorder.received(OrderPaid.class, id).get(0).paidAt())
                .isEqualTo(Instant.parse("2026-01-05T02:03:00Z"));
        OrderRefunded second = recorder.received(OrderRefunded.class, id).stream()
                .filter(r -> r.refundId().equals("r2"))
                .findFirst()
                .orElseThrow();
        assertThat(second.customerId()).isEqualTo("c-1001");
        assertThat(second.lines().get(0).units()).containsExactly(0, 2);
        assertThat(second.lines().get(0).sku()).isEqualTo("green-250g");
    }

    @Test
    void cancelAnUnpaidOrderOnceAndOnlyOnce() {
        String id = OrderFixture.newOrderId();
        f.post("/api/v1/orders", OrderFixture.simpleOrder(id, 2));

        Api.Response cancelled = f.post("/api/v1/orders/" + id + "/cancel", "{\"reason\": \"payment timeout\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancel_reason").asString()).isEqualTo("payment timeout");
        assertThat(cancelled.json().get("cancelled_at")).isNotNull();

        Api.Response again = f.post("/api/v1/orders/" + id + "/cancel", "{\"reason\": \"other\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(cancelled.json());
        assertThat(f.publications("OrderCancelled", id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.received(OrderCancelled.class, id))
                        .singleElement()
                        .satisfies(e -> assertThat(e.reason()).isEqualTo("payment timeout")));
    }

    @Test
    void aBodylessPayAndCancelAreAccepted() {
        String a = OrderFixture.newOrderId();
        String b = OrderFixture.newOrderId();
        f.post("/api/v1/orders", OrderFixture.simpleOrder(a, 1));
        f.post("/api/v1/orders", OrderFixture.simpleOrder(b, 1));
        Api.Response paid = f.api.send("POST", "/api/v1/orders/" + a + "/pay", f.tenant.apiKey(), null, null);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        Api.Response cancelled = f.api.send("POST", "/api/v1/orders/" + b + "/cancel", f.tenant.apiKey(), null, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void everyIllegalTransitionIsAConflictWithItsCode() {
        String created = OrderFixture.newOrderId();
        f.post("/api/v1/orders", OrderFixture.simpleOrder(created, 2));
        assertIllegal(f.post("/api/v1/orders/" + created + "/refunds", refund("r1", "a", 1)), "CREATED");

        String cancelled = OrderFixture.newOrderId();
        f.post("/api/v1/orders", OrderFixture.simpleOrder(cancelled, 2));
        f.post("/api/v1/orders/" + cancelled + "/cancel", "{}");
        assertIllegal(f.post("/api/v1/orders/" + cancelled + "/pay", "{}"), "CANCELLED");
        assertIllegal(f.post("/api/v1/orders/" + cancelled + "/refunds", refund("r1", "a", 1)), "CANCELLED");

        String paid = OrderFixture.newOrderId();
        f.createPaid(paid, OrderFixture.simpleOrder(paid, 2));
        assertIllegal(f.post("/api/v1/orders/" + paid + "/cancel", "{}"), "PAID");

        f.post("/api/v1/orders/" + paid + "/refunds", refund("r1", "a", 1));
        assertIllegal(f.post("/api/v1/orders/" + paid + "/cancel", "{}"), "PARTIALLY_REFUNDED");

        f.post("/api/v1/orders/" + paid + "/refunds", refund("r2", "a", 1));
        assertIllegal(f.post("/api/v1/orders/" + paid + "/cancel", "{}"), "REFUNDED");
        assertIllegal(f.post("/api/v1/orders/" + paid + "/refunds", refund("r3", "a", 1)), "REFUNDED");

        // paying again on any paid state is a harmless repeat
        Api.Response repay = f.post("/api/v1/orders/" + paid + "/pay", "{}");
        assertThat(repay.status()).isEqualTo(200);
        assertThat(repay.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(f.publications("OrderPaid", paid)).isEqualTo(1);
        assertThat(f.publications("OrderCancelled", cancelled)).isEqualTo(1);
    }

    @Test
    void refundsBeyondWhatRemainsAreRefused() {
        String id = OrderFixture.newOrderId();
        f.createPaid(id, OrderFixture.simpleOrder(id, 3));
        f.post(
                "/api/v1/orders/" + id + "/refunds",
                "{\"refund_id\": \"r1\", \"lines\": [{\"line_id\": \"a\", \"units\": [2]}]}");

        Api.Response twice = f.post(
                "/api/v1/orders/" + id + "/refunds",
                "{\"refund_id\": \"r2\", \"lines\": [{\"line_id\": \"a\", \"units\": [0, 2]}]}");
        assertProblem(twice, 409, "unit_already_refunded");
        Api.Response tooMany = f.post("/api/v1/orders/" + id + "/refunds", refund("r3", "a", 3));
        assertProblem(tooMany, 409, "refund_exceeds_quantity");
        Api.Response outside = f.post(
                "/api/v1/orders/" + id + "/refunds",
                "{\"refund_id\": \"r4\", \"lines\": [{\"line_id\": \"a\", \"units\": [3]}]}");
        assertProblem(outside, 422, "unit_out_of_range");
        Api.Response noLine = f.post("/api/v1/orders/" + id + "/refunds", refund("r5", "zz", 1));
        assertProblem(noLine, 422, "unknown_line_id");

        assertThat(f.refunds()).isEqualTo(1);
        JsonNode order = f.get("/api/v1/orders/" + id).json();
        assertThat(order.get("lines").get(0).get("refunded_quantity").asInt()).isEqualTo(1);
        assertThat(order.get("refunded").asLong()).isEqualTo(100);
    }

    @Test
    void replaysChangeNothingAndPublishNothing() {
        String id = OrderFixture.newOrderId();
        Api.Response first = f.post("/api/v1/orders", OrderFixture.order(id));
        assertThat(first.status()).isEqualTo(201);

        // the same order again, other formatting and explicit defaults: the same request
        String same = OrderFixture.order(id)
                .replace("\n", " ")
                .replace("}\n", "}")
                .replace(
                        "\"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1500}",
                        "\"unit_price\": 1500, \"quantity\": 1, \"sku\": \"cup\", \"discount\": 0}");
        assertThat(same).isNotEqualTo(OrderFixture.order(id));
        Api.Response replay = f.post("/api/v1/orders", same);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.header("Location")).isNull();
        assertThat(replay.json()).isEqualTo(first.json());

        Api.Response different =
                f.post("/api/v1/orders", OrderFixture.order(id).replace("\"quantity\": 3", "\"quantity\": 4"));
        assertProblem(different, 409, "order_conflict");

        f.post("/api/v1/orders/" + id + "/pay", "{}");
        String refund = "{\"refund_id\": \"r1\", \"lines\": [{\"line_id\": \"2\", \"quantity\": 1}]}";
        Api.Response r1 = f.post("/api/v1/orders/" + id + "/refunds", refund);
        assertThat(r1.status()).isEqualTo(201);
        Api.Response r1again = f.post("/api/v1/orders/" + id + "/refunds", refund);
        assertThat(r1again.status()).isEqualTo(200);
        assertThat(r1again.json()).isEqualTo(r1.json());
        Api.Response r1other = f.post(
                "/api/v1/orders/" + id + "/refunds",
                "{\"refund_id\": \"r1\", \"lines\": [{\"line_id\": \"1\", \"quantity\": 1}]}");
        assertProblem(r1other, 409, "refund_conflict");

        assertThat(f.orders()).isEqualTo(1);
        assertThat(f.lines()).isEqualTo(2);
        assertThat(f.refunds()).isEqualTo(1);
        assertThat(f.get("/api/v1/orders/" + id).json().get("refunded").asLong())
                .isEqualTo(1406);
        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
        assertThat(f.publications("OrderRefunded", id)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String id = OrderFixture.newOrderId();
        Api.Response first = f.post("/api/v1/orders", OrderFixture.order(id), "Idempotency-Key", "k-" + id);
        Api.Response replay = f.post("/api/v1/orders", OrderFixture.order(id), "Idempotency-Key", "k-" + id);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());

        f.post("/api/v1/orders/" + id + "/pay", "{}", "Idempotency-Key", "pay-" + id);
        String refund = refund("r1", "2", 1);
        Api.Response r = f.post("/api/v1/orders/" + id + "/refunds", refund, "Idempotency-Key", "rf-" + id);
        Api.Response rAgain = f.post("/api/v1/orders/" + id + "/refunds", refund, "Idempotency-Key", "rf-" + id);
        assertThat(rAgain.status()).isEqualTo(201);
        assertThat(rAgain.json()).isEqualTo(r.json());

        assertThat(f.orders()).isEqualTo(1);
        assertThat(f.refunds()).isEqualTo(1);
        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
        assertThat(f.publications("OrderPaid", id)).isEqualTo(1);
        assertThat(f.publications("OrderRefunded", id)).isEqualTo(1);
    }

    @Test
    void anUnknownCustomerBecomesAStubAndAKnownOneIsReused() {
        f.post("/api/v1/orders", OrderFixture.order(OrderFixture.newOrderId()));
        f.post("/api/v1/orders", OrderFixture.order(OrderFixture.newOrderId()));
        assertThat(f.customers()).isEqualTo(1);
        assertThat(f.count("select count(*) from commerce_order where tenant_id = ? and customer_id is not null"))
                .isEqualTo(2);
    }

    @Test
    void unknownOrdersAreNotFound() {
        assertProblem(f.get("/api/v1/orders/nope"), 404, "not_found");
        assertProblem(f.post("/api/v1/orders/nope/pay", "{}"), 404, "not_found");
        assertProblem(f.post("/api/v1/orders/nope/cancel", "{}"), 404, "not_found");
        assertProblem(f.post("/api/v1/orders/nope/refunds", refund("r1", "a", 1)), 404, "not_found");
    }

    static String refund(String refundId, String lineId, int quantity) {
        return "{\"refund_id\": \"%s\", \"lines\": [{\"line_id\": \"%s\", \"quantity\": %d}]}"
                .formatted(refundId, lineId, quantity);
    }

    static void assertIllegal(Api.Response r, String status) {
        assertProblem(r, 409, "illegal_transition");
        assertThat(r.json().get("detail").asString()).contains(status);
    }

    static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }
}
