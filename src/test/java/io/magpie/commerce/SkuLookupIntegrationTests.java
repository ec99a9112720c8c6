package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The catalog's read API for other modules: by code and by search, per tenant, whatever the input. */
@MagpieIntegrationTest
class SkuLookupIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    SkuLookup skus;

    OrderFixture f;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
    }

    @Test
    void findsSkusOfTheTenantOnlyWithTheirCategoriesAndCachesTheirAbsence() {
        OrderFixture other = OrderFixture.create(context);
        other.sku(other.product("only-there", null), "only-there", 100);

        var found = skus.find(f.tenant.id(), List.of("green-250g", "cup", "only-there", "nope", "cup"));
        assertThat(found).containsOnlyKeys("green-250g", "cup");
        assertThat(found.get("green-250g").categories()).containsExactly("tea");
        assertThat(found.get("green-250g").productCode()).isEqualTo("green");
        assertThat(found.get("cup").categories()).isEmpty();
        assertThat(skus.find(other.tenant.id(), "only-there")).isPresent();
        assertThat(skus.find(other.tenant.id(), "cup").orElseThrow().price()).isEqualTo(1500);
    }

    @Test
    void searchTakesTheQueryLiterally() {
        assertThat(skus.search(f.tenant.id(), "GREEN", 10))
                .extracting(SkuFacts::sku)
                .containsExactly("green-250g", "green-500g");
        assertThat(skus.search(f.tenant.id(), "%", 10)).isEmpty();
        assertThat(skus.search(f.tenant.id(), "_", 10)).isEmpty();
        assertThat(skus.search(f.tenant.id(), "green\u0000", 10)).isEmpty();
    }

    /**
     * A NUL character cannot be sent to PostgreSQL as text (the lookup failed as a data error, answered 409
     * conflict on a read): such a code is simply not in the catalog.
     */
    @Test
    void aSkuCodeWithANulCharacterIsNotFoundByTheLookupAndRefusedByTheApis() {
        assertThat(skus.find(f.tenant.id(), List.of("cup", "cup\u0000"))).containsOnlyKeys("cup");

        // the APIs refuse such a code up front, naming the field
        Api.Response batch = f.post("/api/v1/skus/promotions", "{\"skus\": [\"cup\\u0000\"]}");
        assertThat(batch.status()).as(batch.toString()).isEqualTo(400);
        assertThat(batch.json().get("errors").get(0).get("field").asString()).isEqualTo("skus[0]");

        Api.Response cart = f.post("/api/v1/carts/evaluate", """
                {"lines": [{"line_id": "1", "sku": "cup\\u0000", "quantity": 1, "unit_price": 1500}]}""");
        assertThat(cart.status()).as(cart.toString()).isEqualTo(400);
        assertThat(cart.code()).isEqualTo("validation_failed");
    }
}
