package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class OrderListIntegrationTests {

    @Autowired
    ApplicationContext context;

    private static String order(String id, String customer, String orderedAt) {
        return """
                {"order_id": "%s", "customer_id": "%s", "ordered_at": "%s",
                 "lines": [{"line_id": "1", "sku": "cup", "quantity": 1, "unit_price": 1500}]}""".formatted(id, customer, orderedAt);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(o -> ids.add(o.get("order_id").asString()));
        return ids;
    }

    @Test
    void filtersAndPagesNewestFirst() {
        OrderFixture f = OrderFixture.create(context);
        f.post("/api/v1/orders", order("o1", "alice", "2026-01-01T00:00:00Z"));
        f.post("/api/v1/orders", order("o2", "bob", "2026-01-02T00:00:00Z"));
        f.post("/api/v1/orders", order("o3", "alice", "2026-01-03T00:00:00Z"));
        f.post("/api/v1/orders", order("o4", "alice", "2026-01-04T00:00:00Z"));
        f.post("/api/v1/orders/o3/pay", "{}");

        JsonNode first = f.get("/api/v1/orders?limit=3").json();
        assertThat(ids(first)).containsExactly("o4", "o3", "o2");
        assertThat(first.get("items").get(0).get("lines")).hasSize(1);
        JsonNode second = f.get("/api/v1/orders?limit=3&cursor="
                        + first.get("next_cursor").asString())
                .json();
        assertThat(ids(second)).containsExactly("o1");
        assertThat(second.get("next_cursor")).isNull();

        assertThat(ids(f.get("/api/v1/orders?customer_id=alice").json())).containsExactly("o4", "o3", "o1");
        assertThat(ids(f.get("/api/v1/orders?customer_id=nobody").json())).isEmpty();
        assertThat(ids(f.get("/api/v1/orders?status=PAID").json())).containsExactly("o3");
        assertThat(ids(f.get("/api/v1/orders?status=created").json())).containsExactly("o4", "o2", "o1");
        assertThat(ids(f.get("/api/v1/orders?from=2026-01-02T00:00:00Z&to=2026-01-04T00:00:00Z")
                        .json()))
                .containsExactly("o3", "o2");
        assertThat(ids(f.get("/api/v1/orders?customer_id=alice&status=CREATED&from=2026-01-02T00:00:00%2B08:00")
                        .json()))
                .containsExactly("o4");
        assertThat(f.get("/api/v1/orders?limit=0").status()).isEqualTo(400);
        assertThat(f.get("/api/v1/orders?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void theApiDocsDescribeOrdersWithoutNameClashes() {
        OrderFixture f = OrderFixture.create(context);
        JsonNode docs = f.api.get("/v3/api-docs", null).json();
        assertThat(docs.get("paths").has("/api/v1/orders/{orderId}/refunds")).isTrue();
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(schemas.has("OrderLineView")).isTrue();
        assertThat(schemas.has("RefundLineView")).isTrue();
        // property names follow springdoc's own mapper (camelCase today), so only the required list's size is pinned
        assertThat(schemas.get("OrderCommand").get("required")).hasSize(2);
    }
}
