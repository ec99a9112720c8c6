package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Tenant B neither sees nor changes tenant A's catalog, stores or customers. */
@MagpieIntegrationTest
class CommerceTenantIsolationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void anotherTenantSeesNothingOfTheFirst() {
        Api api = Api.of(context);
        TestTenant a = TestTenants.create(context);
        TestTenant b = TestTenants.create(context);
        api.put("/api/v1/categories/tea", a.apiKey(), "{\"name\":\"Tea\"}");
        api.put("/api/v1/brands/leaf", a.apiKey(), "{\"name\":\"Leaf\"}");
        api.put(
                "/api/v1/products/P1",
                a.apiKey(),
                "{\"name\":\"Tea\",\"category\":\"tea\",\"brand\":\"leaf\",\"skus\":[{\"sku\":\"S1\",\"price\":100}]}");
        api.put("/api/v1/stores/st1", a.apiKey(), "{\"name\":\"Store\",\"time_zone\":\"Asia/Shanghai\"}");
        api.put("/api/v1/customers/c1", a.apiKey(), "{\"name\":\"Li\",\"phone\":\"13800005678\"}");

        for (String path : new String[] {
            "/api/v1/categories/tea",
            "/api/v1/brands/leaf",
            "/api/v1/products/P1",
            "/api/v1/skus/S1",
            "/api/v1/stores/st1",
            "/api/v1/customers/c1"
        }) {
            assertProblem(api.get(path, b.apiKey()), 404, "not_found");
        }
        assertThat(api.get("/api/v1/categories", b.apiKey()).json()).isEmpty();
        for (String path : new String[] {
            "/api/v1/brands",
            "/api/v1/products",
            "/api/v1/products?category=tea",
            "/api/v1/stores",
            "/api/v1/customers",
            "/api/v1/customers?phone=13800005678"
        }) {
            assertThat(api.get(path, b.apiKey()).json().get("items")).as(path).isEmpty();
        }

        // B's references resolve only inside B: A's category does not exist for B
        assertProblem(
                api.put(
                        "/api/v1/products/P1",
                        b.apiKey(),
                        "{\"name\":\"B tea\",\"category\":\"tea\",\"skus\":[{\"sku\":\"S1\",\"price\":1}]}"),
                422,
                "unknown_category");
        // the same codes are free in B and stay separate
        var own = api.put(
                "/api/v1/products/P1", b.apiKey(), "{\"name\":\"B tea\",\"skus\":[{\"sku\":\"S1\",\"price\":1}]}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/skus/S1", a.apiKey()).json().get("price").asLong())
                .isEqualTo(100);
        assertThat(api.get("/api/v1/products/P1", a.apiKey()).json().get("name").asString())
                .isEqualTo("Tea");
        assertThat(api.put("/api/v1/categories/tea", b.apiKey(), "{\"name\":\"B\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/categories/tea", a.apiKey())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Tea");
    }
}
