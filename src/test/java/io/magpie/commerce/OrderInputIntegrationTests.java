package io.magpie.commerce;

import static io.magpie.commerce.OrderLifecycleIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Bad input gets a 4xx problem with a stable code, and nothing is written. */
@MagpieIntegrationTest
class OrderInputIntegrationTests {

    @Autowired
    ApplicationContext context;

    OrderFixture f;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(f.orders()).isZero();
        assertThat(f.lines()).isZero();
        assertThat(f.customers()).isZero();
    }

    private Api.Response create(String json) {
        return f.post("/api/v1/orders", json);
    }

    private static String withLine(String line) {
        return "{\"order_id\": \"o-1\", \"customer_id\": \"c-9\", \"lines\": [" + line + "]}";
    }

    private void assertField(Api.Response r, String code, String field, String fieldCode) {
        assertProblem(r, 400, code);
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(r.json().get("errors").findValuesAsString("code")).contains(fieldCode);
    }

    @Test
    void malformedJson() {
        assertProblem(create("{\"order_id\": \"o-1\", "), 400, "malformed_json");
        assertProblem(create(""), 400, "invalid_body");
    }

    @Test
    void wrongTypes() {
        Api.Response r =
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": \"many\", \"unit_price\": 1}"));
        assertProblem(r, 400, "invalid_value");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
        Api.Response fraction =
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1.5, \"unit_price\": 1}"));
        assertProblem(fraction, 400, "invalid_value");
        assertProblem(create("{\"order_id\": \"o-1\", \"lines\": {}}"), 400, "wrong_type");
        assertProblem(create("[1, 2]"), 400, "wrong_type");
        assertProblem(create("{\"order_id\": {\"a\": 1}, \"lines\": []}"), 400, "wrong_type");
    }

    @Test
    void unknownFields() {
        Api.Response r = create(withLine(
                "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1, \"colour\": \"red\"}"));
        assertProblem(r, 400, "unknown_field");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].colour");
        assertProblem(create("{\"order_id\": \"o-1\", \"tenant_id\": 1, \"lines\": []}"), 400, "unknown_field");
    }

    @Test
    void quantitiesOutOfRange() {
        assertField(
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": -1, \"unit_price\": 100}")),
                "validation_failed",
                "lines[0].quantity",
                "out_of_range");
        assertField(
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 0, \"unit_price\": 100}")),
                "validation_failed",
                "lines[0].quantity",
                "out_of_range");
        assertField(
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 10001, \"unit_price\": 100}")),
                "validation_failed",
                "lines[0].quantity",
                "out_of_range");
        assertField(
                create(withLine(
                        "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 99999999999999, \"unit_price\": 100}")),
                "validation_failed",
                "lines[0].quantity",
                "out_of_range");
        assertField(
                create(withLine(
                        "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 10000000001}")),
                "validation_failed",
                "lines[0].unit_price",
                "out_of_range");
        assertField(
                create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": -5}")),
                "validation_failed",
                "lines[0].unit_price",
                "out_of_range");
        assertField(
                create(
                        withLine(
                                "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 5, \"discount\": -1}")),
                "validation_failed",
                "lines[0].discount",
                "out_of_range");
        assertThat(create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1e30, \"unit_price\": 5}"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void tooManyOrNoLines() {
        String lines = IntStream.range(0, 201)
                .mapToObj(i -> "{\"line_id\": \"" + i + "\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}")
                .collect(Collectors.joining(","));
        assertField(create(withLine(lines)), "validation_failed", "lines", "size");
        assertField(create("{\"order_id\": \"o-1\", \"lines\": []}"), "validation_failed", "lines", "required");
        assertField(create("{\"order_id\": \"o-1\"}"), "validation_failed", "lines", "required");
        assertField(create(withLine("null")), "validation_failed", "lines[0]", "required");
    }

    @Test
    void requiredAndMalformedIds() {
        assertField(
                create("{\"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "order_id",
                "required");
        assertField(
                create(
                        "{\"order_id\": \"has space\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "order_id",
                "format");
        assertField(
                create(
                        "{\"order_id\": \"" + "x".repeat(65)
                                + "\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "order_id",
                "format");
        assertField(
                create(withLine("{\"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}")),
                "validation_failed",
                "lines[0].line_id",
                "required");
        assertField(
                create(withLine("{\"line_id\": \"1\", \"quantity\": 1, \"unit_price\": 1}")),
                "validation_failed",
                "lines[0].sku",
                "required");
    }

    @Test
    void duplicateLineIds() {
        Api.Response r = create(withLine("{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1},"
                + "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 2, \"unit_price\": 1}"));
        assertField(r, "duplicate_line_id", "lines[1].line_id", "duplicate_line_id");
    }

    @Test
    void enumLikeFields() {
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"channel\": \"Online!\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "channel",
                "format");
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"currency\": \"yuan\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "currency",
                "format");
        assertField(f.get("/api/v1/orders?status=SHIPPED"), "validation_failed", "status", "invalid_value");
    }

    @Test
    void timestamps() {
        String future = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"ordered_at\": \"" + future
                                + "\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "ordered_at",
                "in_future");
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"ordered_at\": \"yesterday\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "ordered_at",
                "invalid_value");
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"ordered_at\": \"2026-01-05T10:00:00\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "ordered_at",
                "invalid_value");
        assertField(
                create(
                        "{\"order_id\": \"o-1\", \"ordered_at\": \"-999999999-01-01T00:00:00Z\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                "validation_failed",
                "ordered_at",
                "out_of_range");
        assertField(f.get("/api/v1/orders?from=soon"), "validation_failed", "from", "invalid_value");
    }

    @Test
    void unknownReferencesAreUnprocessable() {
        Api.Response skus = create("{\"order_id\": \"o-1\", \"customer_id\": \"c-9\", \"lines\": ["
                + "{\"line_id\": \"1\", \"sku\": \"nope-1\", \"quantity\": 1, \"unit_price\": 1},"
                + "{\"line_id\": \"2\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1},"
                + "{\"line_id\": \"3\", \"sku\": \"nope-2\", \"quantity\": 1, \"unit_price\": 1}]}");
        assertProblem(skus, 422, "unknown_sku");
        assertThat(skus.json().get("detail").asString())
                .contains("nope-1", "nope-2")
                .doesNotContain("cup");
        assertThat(skus.json().get("errors").findValuesAsString("field"))
                .containsExactly("lines[0].sku", "lines[2].sku");

        assertProblem(
                create(
                        "{\"order_id\": \"o-1\", \"customer_id\": \"c-9\", \"store\": \"XX\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                422,
                "unknown_store");
        assertProblem(
                create(
                        "{\"order_id\": \"o-1\", \"currency\": \"USD\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 1, \"unit_price\": 1}]}"),
                422,
                "currency_mismatch");
    }

    @Test
    void discountsBeyondTheAmount() {
        assertProblem(
                create(
                        withLine(
                                "{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 2, \"unit_price\": 100, \"discount\": 201}")),
                422,
                "discount_exceeds_amount");
        assertProblem(
                create(
                        "{\"order_id\": \"o-1\", \"customer_id\": \"c-9\", \"discount\": 201, \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 2, \"unit_price\": 100}]}"),
                422,
                "discount_exceeds_amount");
        assertProblem(
                create(
                        "{\"order_id\": \"o-1\", \"customer_id\": \"c-9\", \"freight\": 9223372036854775807, \"lines\": [{\"line_id\": \"1\", \"sku\": \"cup\", \"quantity\": 2, \"unit_price\": 100}]}"),
                400,
                "amount_overflow");
    }

    @Test
    void badRefundsAndTransitions() {
        // against an order of another fixture, so this tenant's "nothing written" still holds
        OrderFixture other = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        other.createPaid(id, OrderFixture.simpleOrder(id, 2));
        String path = "/api/v1/orders/" + id + "/refunds";
        assertProblem(
                other.post(path, "{\"lines\": [{\"line_id\": \"a\", \"quantity\": 1}]}"), 400, "validation_failed");
        assertProblem(
                other.post(path, "{\"refund_id\": \"r\", \"lines\": [{\"line_id\": \"a\"}]}"),
                400,
                "validation_failed");
        assertProblem(
                other.post(
                        path,
                        "{\"refund_id\": \"r\", \"lines\": [{\"line_id\": \"a\", \"quantity\": 1, \"units\": [0]}]}"),
                400,
                "validation_failed");
        assertProblem(
                other.post(path, "{\"refund_id\": \"r\", \"lines\": [{\"line_id\": \"a\", \"units\": [0, 0]}]}"),
                400,
                "validation_failed");
        assertProblem(
                other.post(path, "{\"refund_id\": \"r\", \"lines\": [{\"line_id\": \"a\", \"units\": [-1]}]}"),
                400,
                "validation_failed");
        assertProblem(
                other.post(
                        path,
                        "{\"refund_id\": \"r\", \"lines\": [{\"line_id\": \"a\", \"quantity\": 1}, {\"line_id\": \"a\", \"quantity\": 1}]}"),
                400,
                "duplicate_line_id");
        assertProblem(
                other.post(
                        path,
                        "{\"refund_id\": \"r\", \"amount\": 5, \"lines\": [{\"line_id\": \"a\", \"quantity\": 1}]}"),
                400,
                "unknown_field");
        assertProblem(
                other.post(
                        path,
                        "{\"refund_id\": \"r\", \"reason\": \"" + "x".repeat(501)
                                + "\", \"lines\": [{\"line_id\": \"a\", \"quantity\": 1}]}"),
                400,
                "validation_failed");
        assertProblem(other.post("/api/v1/orders/" + id + "/pay", "{\"paid_at\": [5]}"), 400, "wrong_type");
        assertProblem(
                other.post("/api/v1/orders/" + id + "/pay", "{\"paid_at\": \"later\"}"), 400, "validation_failed");
        assertThat(other.refunds()).isZero();
        assertThat(other.get("/api/v1/orders/" + id).json().get("refunded").asLong())
                .isZero();
    }
}
