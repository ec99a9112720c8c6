package io.magpie.commerce;

import static io.magpie.commerce.OrderLifecycleIntegrationTests.assertProblem;
import static io.magpie.commerce.OrderLifecycleIntegrationTests.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.Scopes;
import io.magpie.tenant.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** One tenant can neither see nor change another's orders, and keys need the right scope. */
@MagpieIntegrationTest
class OrderIsolationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void anotherTenantCannotReadPayCancelOrRefund() {
        OrderFixture a = OrderFixture.create(context);
        OrderFixture b = OrderFixture.create(context);
        String created = OrderFixture.newOrderId();
        String paid = OrderFixture.newOrderId();
        a.post("/api/v1/orders", OrderFixture.simpleOrder(created, 2));
        a.createPaid(paid, OrderFixture.simpleOrder(paid, 2));

        assertProblem(b.get("/api/v1/orders/" + created), 404, "not_found");
        assertProblem(b.post("/api/v1/orders/" + created + "/pay", "{}"), 404, "not_found");
        assertProblem(b.post("/api/v1/orders/" + created + "/cancel", "{}"), 404, "not_found");
        assertProblem(b.post("/api/v1/orders/" + paid + "/refunds", refund("r1", "a", 1)), 404, "not_found");
        assertThat(b.get("/api/v1/orders").json().get("items")).isEmpty();
        assertThat(b.get("/api/v1/orders?customer_id=c-1001").json().get("items"))
                .isEmpty();

        assertThat(a.get("/api/v1/orders/" + created).json().get("status").asString())
                .isEqualTo("CREATED");
        assertThat(a.get("/api/v1/orders/" + paid).json().get("refunded").asLong())
                .isZero();
        assertThat(a.get("/api/v1/orders").json().get("items")).hasSize(2);
    }

    @Test
    void theSameOrderIdInTwoTenantsIsTwoOrders() {
        OrderFixture a = OrderFixture.create(context);
        OrderFixture b = OrderFixture.create(context);
        assertThat(a.post("/api/v1/orders", OrderFixture.simpleOrder("SAME-1", 1))
                        .status())
                .isEqualTo(201);
        assertThat(b.post("/api/v1/orders", OrderFixture.simpleOrder("SAME-1", 5))
                        .status())
                .isEqualTo(201);
        assertThat(a.get("/api/v1/orders/SAME-1")
                        .json()
                        .get("lines")
                        .get(0)
                        .get("quantity")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aSkuOfAnotherTenantIsUnknown() {
        OrderFixture a = OrderFixture.create(context);
        OrderFixture b = OrderFixture.create(context);
        b.sku(b.product("only-b", null), "only-b-sku", 100);
        String order =
                "{\"order_id\": \"x\", \"lines\": [{\"line_id\": \"1\", \"sku\": \"only-b-sku\", \"quantity\": 1, \"unit_price\": 1}]}";
        assertProblem(a.post("/api/v1/orders", order), 422, "unknown_sku");
        assertThat(a.orders()).isZero();
    }

    @Test
    void writesNeedTheOrdersScopeAndReadsTheReadScope() {
        OrderFixture a = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        a.post("/api/v1/orders", OrderFixture.simpleOrder(id, 1));
        String readOnly = TestTenants.apiKey(context, a.tenant.id(), Scopes.READ);
        String catalogOnly = TestTenants.apiKey(context, a.tenant.id(), Scopes.CATALOG);

        assertProblem(
                a.api.post("/api/v1/orders", readOnly, OrderFixture.simpleOrder("y", 1)), 403, "insufficient_scope");
        assertProblem(a.api.post("/api/v1/orders/" + id + "/pay", readOnly, "{}"), 403, "insufficient_scope");
        assertProblem(a.api.post("/api/v1/orders/bulk", readOnly, "{\"orders\": []}"), 403, "insufficient_scope");
        assertThat(a.api.get("/api/v1/orders/" + id, readOnly).status()).isEqualTo(200);
        assertThat(a.api.get("/api/v1/orders", readOnly).status()).isEqualTo(200);
        assertProblem(a.api.get("/api/v1/orders/" + id, catalogOnly), 403, "insufficient_scope");
        assertThat(a.api.get("/api/v1/orders/" + id, null).status()).isEqualTo(401);
        assertThat(a.orders()).isEqualTo(1);
        assertThat(a.get("/api/v1/orders/" + id).json().get("status").asString())
                .isEqualTo("CREATED");
    }
}
