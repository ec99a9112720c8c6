package io.magpie.commerce;

import static io.magpie.commerce.OrderLifecycleIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.PromotionTestData;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Orders carry the promotions the shop applied: checked against the lines, stored, shown, published. */
@MagpieIntegrationTest
class OrderPromotionsIntegrationTests {

    /** Fits {@link OrderFixture#order}: line 1 is 3 x 49.00 less 2.00, line 2 is 15.00, 10.00 off the order. */
    static final String APPLIED = """
            [{"campaign_id": 12, "discount": 200, "allocations": [{"line_id": "1", "amount": 200}]},
             {"campaign_id": 34, "coupon_id": 345, "code": "SAVE-ABCD-7", "discount": 1000, "freight_discount": 0,
              "allocations": [{"line_id": "1", "amount": 910}, {"line_id": "2", "amount": 90}]},
             {"campaign_id": 56, "discount": 0, "freight_discount": 800, "allocations": []}]""";

    /** What {@link #APPLIED} becomes in the event, with the campaign and coupon ids of this tenant. */
    List<AppliedPromotion> expected() {
        return List.of(
                new AppliedPromotion(id(12), null, null, 200, 0, List.of(new AppliedPromotion.LineShare("1", 200))),
                new AppliedPromotion(
                        id(34),
                        id(345),
                        "SAVE-ABCD-7",
                        1000,
                        0,
                        List.of(new AppliedPromotion.LineShare("1", 910), new AppliedPromotion.LineShare("2", 90))),
                new AppliedPromotion(id(56), null, null, 0, 800, List.of()));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderEventRecorder recorder;

    OrderFixture f;

    /**
     * The promotion module reserves an order's promotions when it is created, so the campaign and coupon
     * ids below name real campaigns and coupons of the tenant: the literal ids of this test map to them.
     */
    Map<Long, Long> ids;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
        Map<String, Long> seeded = PromotionTestData.forOrders(context, f.tenant.id(), "c-1001");
        ids = Map.of(
                12L, seeded.get("amountOff"),
                1L, seeded.get("amountOff"),
                2L, seeded.get("freeShipping"),
                56L, seeded.get("freeShipping"),
                34L, seeded.get("couponTemplate"),
                345L, seeded.get("coupon"),
                7L, seeded.get("couponTemplate2"),
                70L, seeded.get("coupon2"));
    }

    long id(long literal) {
        return ids.getOrDefault(literal, literal);
    }

    private static final Pattern ID = Pattern.compile("\"(campaign_id|coupon_id)\": (\\d+)");

    String withPromotions(String order, String promotions) {
        Matcher m = ID.matcher(promotions);
        StringBuilder real = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(real, "\"" + m.group(1) + "\": " + id(Long.parseLong(m.group(2))));
        }
        m.appendTail(real);
        return order.substring(0, order.lastIndexOf('}')) + ", \"promotions\": " + real + "}";
    }

    long promotionRows() {
        return f.count("select count(*) from commerce_order_promotion where tenant_id = ?");
    }

    @Test
    void theOrderKeepsItsPromotionsAndPublishesThem() {
        String id = OrderFixture.newOrderId();
        Api.Response created = f.post("/api/v1/orders", withPromotions(OrderFixture.order(id), APPLIED));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode promotions = created.json().get("promotions");
        assertThat(promotions).hasSize(3);
        assertThat(promotions.get(0).get("campaign_id").asLong()).isEqualTo(id(12));
        assertThat(promotions.get(0).get("coupon_id")).isNull();
        assertThat(promotions.get(1).get("coupon_id").asLong()).isEqualTo(id(345));
        assertThat(promotions.get(1).get("code").asString()).isEqualTo("SAVE-ABCD-7");
        assertThat(promotions.get(1).get("allocations").get(1).get("line_id").asString())
                .isEqualTo("2");
        assertThat(promotions.get(1).get("allocations").get(1).get("amount").asLong())
                .isEqualTo(90);
        assertThat(promotions.get(2).get("freight_discount").asLong()).isEqualTo(800);
        assertThat(promotions.get(2).get("allocations")).isEmpty();

        Api.Response read = f.get("/api/v1/orders/" + id);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(f.get("/api/v1/orders?limit=5").json().get("items").get(0).get("promotions"))
                .isEqualTo(promotions);
        assertThat(promotionRows()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.received(OrderCreated.class, id))
                        .singleElement()
                        .satisfies(e -> assertThat(e.promotions()).isEqualTo(expected())));
    }

    @Test
    void anOrderWithoutPromotionsHasAnEmptyList() {
        String id = OrderFixture.newOrderId();
        Api.Response created = f.post("/api/v1/orders", OrderFixture.order(id));
        assertThat(created.json().get("promotions")).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.received(OrderCreated.class, id))
                        .singleElement()
                        .satisfies(e -> assertThat(e.promotions()).isEmpty()));
    }

    @Test
    void aReplayMustCarryTheSamePromotions() {
        String id = OrderFixture.newOrderId();
        String order = withPromotions(OrderFixture.order(id), APPLIED);
        Api.Response first = f.post("/api/v1/orders", order);
        assertThat(first.status()).isEqualTo(201);

        Api.Response same = f.post("/api/v1/orders", order.replace("\"freight_discount\": 0,", ""));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(first.json());

        assertProblem(f.post("/api/v1/orders", OrderFixture.order(id)), 409, "order_conflict");
        assertProblem(
                f.post(
                        "/api/v1/orders",
                        order.replace("\"amount\": 910", "\"amount\": 900")
                                .replace("\"amount\": 90}", "\"amount\": 100}")),
                409,
                "order_conflict");
        assertProblem(f.post("/api/v1/orders", order.replace("SAVE-ABCD-7", "SAVE-ABCD-8")), 409, "order_conflict");
        assertThat(f.orders()).isEqualTo(1);
        assertThat(promotionRows()).isEqualTo(3);
        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
    }

    @Test
    void syntaxProblemsAreReportedByPath() {
        String bad = """
                [{"discount": 0},
                 {"campaign_id": 0, "coupon_id": -1, "discount": -5, "freight_discount": -1,
                  "allocations": [{"line_id": "1", "amount": -3}, {"amount": 1}, null]},
                 null]""";
        Api.Response r = f.post("/api/v1/orders", withPromotions(OrderFixture.order("o-1"), bad));

        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "promotions[0].campaign_id",
                        "promotions[1].campaign_id",
                        "promotions[1].coupon_id",
                        "promotions[1].discount",
                        "promotions[1].freight_discount",
                        "promotions[1].allocations[0].amount",
                        "promotions[1].allocations[1].line_id",
                        "promotions[1].allocations[2]",
                        "promotions[2]");
        assertThat(f.orders()).isZero();

        String tooMany = "[" + String.join(",", Collections.nCopies(51, "{\"campaign_id\": 1, \"discount\": 0}")) + "]";
        Api.Response many = f.post("/api/v1/orders", withPromotions(OrderFixture.order("o-1"), tooMany));
        assertProblem(many, 400, "validation_failed");
        assertThat(many.json().get("errors").get(0).get("field").asString()).isEqualTo("promotions");
        assertThat(many.json().get("errors").get(0).get("code").asString()).isEqualTo("size");

        assertProblem(
                f.post(
                        "/api/v1/orders",
                        withPromotions(OrderFixture.order("o-1"), "[{\"campaign_id\": 1, \"discount\": 0, \"x\": 1}]")),
                400,
                "unknown_field");
        assertThat(f.orders()).isZero();
        assertThat(promotionRows()).isZero();
    }

    private void assertUnfit(String promotions, String code, String... fields) {
        Api.Response r = f.post("/api/v1/orders", withPromotions(OrderFixture.order("o-1"), promotions));
        assertProblem(r, 422, code);
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly(fields);
        if (!code.equals("invalid_promotions")) {
            assertThat(r.json().get("errors").findValuesAsString("code")).containsOnly(code);
        }
    }

    @Test
    void promotionsThatDoNotFitTheOrderAreRejectedWithEveryProblem() {
        assertUnfit(
                "[{\"campaign_id\": 1, \"discount\": 5, \"allocations\": [{\"line_id\": \"9\", \"amount\": 5}]}]",
                "unknown_line",
                "promotions[0].allocations[0].line_id");
        assertUnfit("""
                [{"campaign_id": 1, "discount": 5, "allocations": [{"line_id": "1", "amount": 4}]},
                 {"campaign_id": 2, "discount": 5, "allocations": []}]""", "allocation_mismatch", "promotions[0].allocations", "promotions[1].allocations");
        assertUnfit("""
                [{"campaign_id": 1, "discount": 2, "allocations": [{"line_id": "1", "amount": 1}, {"line_id": "1", "amount": 1}]}]""", "duplicate_allocation", "promotions[0].allocations[1].line_id");
        // line 2 is worth 15.00; two promotions give it 10.00 each (and the order has 12.00 of discounts)
        assertUnfit("""
                [{"campaign_id": 1, "discount": 1000, "allocations": [{"line_id": "2", "amount": 1000}]},
                 {"campaign_id": 2, "discount": 1000, "allocations": [{"line_id": "2", "amount": 1000}]}]""", "invalid_promotions", "lines[1]", "promotions");
        assertUnfit(
                "[{\"campaign_id\": 1, \"discount\": 1201, \"allocations\": [{\"line_id\": \"1\", \"amount\": 1201}]}]",
                "promotions_exceed_discount",
                "promotions");
        assertUnfit("""
                [{"campaign_id": 1, "coupon_id": 7, "discount": 0}, {"campaign_id": 1, "discount": 0},
                 {"campaign_id": 1, "coupon_id": 7, "discount": 0}]""", "duplicate_promotion", "promotions[2]");
        assertThat(f.orders()).isZero();
        assertThat(promotionRows()).isZero();
        assertThat(f.customers()).isZero();
    }

    @Test
    void aPromotionMayTakeAWholeLine() {
        String id = OrderFixture.newOrderId();
        String order = OrderFixture.order(id).replace("\"discount\": 1000", "\"discount\": 1500");
        Api.Response r = f.post(
                "/api/v1/orders",
                withPromotions(
                        order,
                        "[{\"campaign_id\": 1, \"discount\": 1500, \"allocations\": [{\"line_id\": \"2\","
                                + " \"amount\": 1500}]}]"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void bulkOrdersCarryPromotionsAndReportTheirProblemsByPath() {
        String a = OrderFixture.newOrderId();
        String b = OrderFixture.newOrderId();
        String good = withPromotions(OrderFixture.order(a), APPLIED);
        String unfit = withPromotions(
                OrderFixture.order(b),
                "[{\"campaign_id\": 1, \"discount\": 5, \"allocations\": [{\"line_id\": \"1\", \"amount\": 4}]}]");

        Api.Response rejected = f.post("/api/v1/orders/bulk", "{\"orders\": [" + good + "," + unfit + "]}");
        assertProblem(rejected, 400, "validation_failed");
        assertThat(rejected.json().get("errors").findValuesAsString("field"))
                .containsExactly("orders[1].promotions[0].allocations");
        assertThat(rejected.json().get("errors").findValuesAsString("code")).containsExactly("allocation_mismatch");
        assertThat(f.orders()).isZero();
        assertThat(promotionRows()).isZero();

        String fixed = withPromotions(
                OrderFixture.order(b),
                "[{\"campaign_id\": 7, \"coupon_id\": 70, \"discount\": 5, \"allocations\":"
                        + " [{\"line_id\": \"2\", \"amount\": 5}]}]");
        String bulk = "{\"orders\": [" + good + "," + fixed + "]}";
        Api.Response r = f.post("/api/v1/orders/bulk", bulk);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(2);
        assertThat(promotionRows()).isEqualTo(4);
        assertThat(f.get("/api/v1/orders/" + a).json().get("promotions")).hasSize(3);
        JsonNode second = f.get("/api/v1/orders/" + b).json().get("promotions");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("coupon_id").asLong()).isEqualTo(id(70));
        assertThat(second.get(0).get("allocations").get(0).get("amount").asLong())
                .isEqualTo(5);

        assertThat(f.post("/api/v1/orders/bulk", bulk).json().get("existing").asInt())
                .isEqualTo(2);
        String changed = "{\"orders\": [" + good + ","
                + fixed.replace("\"coupon_id\": " + id(70), "\"coupon_id\": " + (id(70) + 1)) + "]}";
        assertProblem(f.post("/api/v1/orders/bulk", changed), 409, "order_conflict");
        assertThat(promotionRows()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.received(OrderCreated.class, a))
                        .singleElement()
                        .satisfies(e -> assertThat(e.promotions()).isEqualTo(expected())));
    }
}
