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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class CategoriesIntegrationTests {

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    private Api.Response put(String code, String json) {
        return api.put("/api/v1/categories/" + code, tenant.apiKey(), json);
    }

    private JsonNode get(String code) {
        var r = api.get("/api/v1/categories/" + code, tenant.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void buildsATreeAndListsParentsBeforeChildren() {
        var created = put("food", "{\"name\":\"Food\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("depth").asInt()).isEqualTo(1);
        assertThat(put("drinks", "{\"name\":\"Drinks\",\"parent\":\"food\",\"position\":2}")
                        .status())
                .isEqualTo(201);
        assertThat(put("tea", "{\"name\":\"Tea\",\"parent\":\"drinks\"}").status())
                .isEqualTo(201);
        assertThat(put("toys", "{\"name\":\"Toys\"}").status()).isEqualTo(201);

        var replaced = put("food", "{\"name\":\"Food & Groceries\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Food & Groceries");

        var list = api.get("/api/v1/categories", tenant.apiKey());
        assertThat(list.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        list.json().forEach(n -> codes.add(n.get("code").asString()));
        assertThat(codes).containsExactly("food", "drinks", "tea", "toys");
        JsonNode tea = list.json().get(2);
        assertThat(tea.get("parent").asString()).isEqualTo("drinks");
        assertThat(tea.get("depth").asInt()).isEqualTo(3);
        assertThat(get("drinks").get("position").asInt()).isEqualTo(2);
    }

    @Test
    void movingACategoryMovesItsSubtree() {
        put("a", "{\"name\":\"A\"}");
        put("b", "{\"name\":\"B\",\"parent\":\"a\"}");
        put("c", "{\"name\":\"C\",\"parent\":\"b\"}");
        put("x", "{\"name\":\"X\"}");
        put("y", "{\"name\":\"Y\",\"parent\":\"x\"}");

        var moved = put("b", "{\"name\":\"B\",\"parent\":\"y\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("depth").asInt()).isEqualTo(3);
        assertThat(get("c").get("depth").asInt()).isEqualTo(4);
        assertThat(get("c").get("parent").asString()).isEqualTo("b");
        List<String> codes = new ArrayList<>();
        api.get("/api/v1/categories", tenant.apiKey())
                .json()
                .forEach(n -> codes.add(n.get("code").asString()));
        assertThat(codes.indexOf("c")).isGreaterThan(codes.indexOf("b"));
        assertThat(codes.indexOf("b")).isGreaterThan(codes.indexOf("y"));

        var toRoot = put("b", "{\"name\":\"B\"}");
        assertThat(toRoot.json().get("depth").asInt()).isEqualTo(1);
        assertThat(toRoot.json().has("parent")).isFalse();
        assertThat(get("c").get("depth").asInt()).isEqualTo(2);
    }

    @Test
    void movingUnderItselfOrItsDescendantIsACycle() {
        put("a", "{\"name\":\"A\"}");
        put("b", "{\"name\":\"B\",\"parent\":\"a\"}");
        put("c", "{\"name\":\"C\",\"parent\":\"b\"}");

        assertProblem(put("a", "{\"name\":\"A2\",\"parent\":\"c\"}"), 409, "category_cycle");
        assertProblem(put("a", "{\"name\":\"A2\",\"parent\":\"a\"}"), 409, "category_cycle");

        JsonNode a = get("a");
        assertThat(a.has("parent")).isFalse();
        assertThat(a.get("name").asString()).isEqualTo("A");
        assertThat(get("c").get("depth").asInt()).isEqualTo(3);
    }

    @Test
    void treesNestAtMostFourLevels() {
        put("l1", "{\"name\":\"1\"}");
        put("l2", "{\"name\":\"2\",\"parent\":\"l1\"}");
        put("l3", "{\"name\":\"3\",\"parent\":\"l2\"}");
        assertThat(put("l4", "{\"name\":\"4\",\"parent\":\"l3\"}").status()).isEqualTo(201);

        assertProblem(put("l5", "{\"name\":\"5\",\"parent\":\"l4\"}"), 422, "category_too_deep");
        assertProblem(api.get("/api/v1/categories/l5", tenant.apiKey()), 404, "not_found");

        put("other", "{\"name\":\"O\"}");
        put("other2", "{\"name\":\"O2\",\"parent\":\"other\"}");
        // other (height 2) under l3 would reach depth 5
        assertProblem(put("other", "{\"name\":\"O\",\"parent\":\"l3\"}"), 422, "category_too_deep");
        assertThat(get("other").has("parent")).isFalse();
        assertThat(get("other2").get("depth").asInt()).isEqualTo(2);
    }

    @Test
    void unknownParentIsRefused() {
        var r = put("a", "{\"name\":\"A\",\"parent\":\"nope\"}");
        assertProblem(r, 422, "unknown_category");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("parent");
        assertThat(count(context, "commerce_category", tenant.id())).isZero();
    }

    @Test
    void badInputIsA400AndWritesNothing() {
        assertProblem(put("a", "{\"name\":"), 400, "malformed_json");
        assertProblem(put("a", "{\"name\":\"A\",\"colour\":\"red\"}"), 400, "unknown_field");
        assertProblem(put("a", "{\"name\":\"A\",\"position\":\"first\"}"), 400, "invalid_value");
        assertProblem(put("a", "{\"name\":\"A\",\"position\":-1}"), 400, "validation_failed");
        assertProblem(put("a", "{\"name\":\"  \"}"), 400, "validation_failed");
        assertProblem(put("a", "{}"), 400, "validation_failed");
        assertProblem(put("a", "{\"name\":\"A\",\"parent\":\"bad code\"}"), 400, "validation_failed");
        assertProblem(put("bad%20code", "{\"name\":\"A\"}"), 400, "validation_failed");
        assertProblem(put("a", "{\"name\":\"" + "n".repeat(201) + "\"}"), 400, "validation_failed");
        assertProblem(put("a", "{\"name\":\"A\\u0000B\"}"), 400, "validation_failed");
        assertThat(count(context, "commerce_category", tenant.id())).isZero();
    }

    @Test
    void writingNeedsTheCatalogScope() {
        String readOnly = TestTenants.apiKey(context, tenant.id(), "read");
        String customersOnly = TestTenants.apiKey(context, tenant.id(), "customers");
        assertProblem(api.put("/api/v1/categories/a", readOnly, "{\"name\":\"A\"}"), 403, "insufficient_scope");
        assertProblem(api.get("/api/v1/categories", customersOnly), 403, "insufficient_scope");
        put("a", "{\"name\":\"A\"}");
        assertThat(api.get("/api/v1/categories/a", readOnly).status()).isEqualTo(200);
    }
}
