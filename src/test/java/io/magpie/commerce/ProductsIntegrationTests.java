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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class ProductsIntegrationTests {

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
        return api.put("/api/v1/products/" + code, tenant.apiKey(), json);
    }

    static String product(String name, String skus) {
        return "{\"name\":\"" + name + "\",\"skus\":[" + skus + "]}";
    }

    static String sku(String code, long price) {
        return "{\"sku\":\"" + code + "\",\"price\":" + price + "}";
    }

    @Test
    void createsAndReplacesAProductWithItsSkus() {
        api.put("/api/v1/categories/tea", tenant.apiKey(), "{\"name\":\"Tea\"}");
        api.put("/api/v1/brands/leaf", tenant.apiKey(), "{\"name\":\"Leaf & Co\"}");
        var created = put("P1", """
                {"name":"Green tea","category":"tea","brand":"leaf","status":"ACTIVE",
                 "attributes":{"origin":"Hangzhou","grams":250,"organic":true,"rating":4.5},
                 "skus":[{"sku":"P1-S","name":"Small","price":1999,"list_price":2599},
                         {"sku":"P1-L","name":"Large","price":3500,"status":"ACTIVE"}]}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(p.get("category").asString()).isEqualTo("tea");
        assertThat(p.get("brand").asString()).isEqualTo("leaf");
        assertThat(p.get("attributes").get("grams").asInt()).isEqualTo(250);
        assertThat(p.get("attributes").get("organic").asBoolean()).isTrue();
        assertThat(p.get("attributes").get("rating").asDouble()).isEqualTo(4.5);
        assertThat(p.get("skus")).hasSize(2);
        assertThat(p.get("skus").get(0).get("sku").asString()).isEqualTo("P1-L");
        JsonNode small = p.get("skus").get(1);
        assertThat(small.get("price").asLong()).isEqualTo(1999);
        assertThat(small.get("list_price").asLong()).isEqualTo(2599);
        assertThat(small.get("currency").asString()).isEqualTo("CNY");

        var replaced = put("P1", product("Green tea 2", sku("P1-L", 3300) + "," + sku("P1-XL", 5000)));

        assertThat(replaced.status()).isEqualTo(200);
        var fetched = api.get("/api/v1/products/P1", tenant.apiKey()).json();
        assertThat(fetched.get("name").asString()).isEqualTo("Green tea 2");
        assertThat(fetched.has("category")).isFalse();
        var statuses = new ArrayList<String>();
        fetched.get("skus")
                .forEach(s -> statuses.add(
                        s.get("sku").asString() + "=" + s.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder("P1-S=INACTIVE", "P1-L=ACTIVE", "P1-XL=ACTIVE");
        // a SKU name defaults to the product's name
        assertThat(api.get("/api/v1/skus/P1-XL", tenant.apiKey())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Green tea 2");
    }

    @Test
    void looksUpOneSkuWithItsProduct() {
        api.put("/api/v1/categories/tea", tenant.apiKey(), "{\"name\":\"Tea\"}");
        put("P1", "{\"name\":\"Tea\",\"category\":\"tea\",\"skus\":[" + sku("S-1", 100) + "]}");

        var r = api.get("/api/v1/skus/S-1", tenant.apiKey());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("price").asLong()).isEqualTo(100);
        assertThat(r.json().get("product").get("code").asString()).isEqualTo("P1");
        assertThat(r.json().get("product").get("category").asString()).isEqualTo("tea");
        assertProblem(api.get("/api/v1/skus/S-2", tenant.apiKey()), 404, "not_found");
    }

    @Test
    void aSkuOfAnotherProductIsTaken() {
        put("P1", product("One", sku("S-1", 100)));

        var r = put("P2", product("Two", sku("S-2", 100) + "," + sku("S-1", 200)));

        assertProblem(r, 409, "sku_taken");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("skus[1].sku");
        assertProblem(api.get("/api/v1/products/P2", tenant.apiKey()), 404, "not_found");
        assertThat(api.get("/api/v1/skus/S-1", tenant.apiKey())
                        .json()
                        .get("price")
                        .asLong())
                .isEqualTo(100);
        assertThat(count(context, "commerce_sku", tenant.id())).isEqualTo(1);
    }

    @Test
    void unknownCategoryOrBrandIsA422() {
        var r = put("P1", "{\"name\":\"One\",\"category\":\"nope\",\"skus\":[" + sku("S", 1) + "]}");
        assertProblem(r, 422, "unknown_category");
        assertProblem(
                put("P1", "{\"name\":\"One\",\"brand\":\"nope\",\"skus\":[" + sku("S", 1) + "]}"),
                422,
                "unknown_brand");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
    }

    @Test
    void badInputIsA400AndWritesNothing() {
        String skus101 = IntStream.range(0, 101).mapToObj(i -> sku("S" + i, 1)).collect(Collectors.joining(","));
        String attrs51 =
                IntStream.range(0, 51).mapToObj(i -> "\"k" + i + "\":1").collect(Collectors.joining(",", "{", "}"));
        List<String[]> cases = List.of(
                new String[] {"{\"name\":\"x\",\"skus\":[", "malformed_json"},
                new String[] {product("x", sku("S", -1)), "validation_failed"},
                new String[] {product("x", sku("S", 10_000_000_001L)), "validation_failed"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":1e30}"), "invalid_value"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":19.99}"), "invalid_value"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":\"cheap\"}"), "invalid_value"},
                new String[] {product("x", "{\"sku\":\"S\"}"), "validation_failed"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":1,\"list_price\":-5}"), "validation_failed"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":1,\"status\":\"DELETED\"}"), "invalid_value"},
                new String[] {product("x", "{\"sku\":\"S\",\"price\":1,\"colour\":\"red\"}"), "unknown_field"},
                new String[] {"{\"name\":\"x\",\"stock\":5,\"skus\":[" + sku("S", 1) + "]}", "unknown_field"},
                new String[] {product("x", skus101), "validation_failed"},
                new String[] {product("x", ""), "validation_failed"},
                new String[] {"{\"name\":\"x\"}", "validation_failed"},
                new String[] {"{\"name\":\"x\",\"skus\":\"S\"}", "wrong_type"},
                new String[] {product("x", sku("S", 1) + "," + sku("S", 2)), "validation_failed"},
                new String[] {product("x", sku("bad sku", 1)), "validation_failed"},
                new String[] {product("x", "null"), "validation_failed"},
                new String[] {product("", sku("S", 1)), "validation_failed"},
                new String[] {
                    "{\"name\":\"x\",\"attributes\":" + attrs51 + ",\"skus\":[" + sku("S", 1) + "]}",
                    "validation_failed"
                },
                new String[] {
                    "{\"name\":\"x\",\"attributes\":{\"a\":{\"b\":1}},\"skus\":[" + sku("S", 1) + "]}",
                    "validation_failed"
                },
                new String[] {
                    "{\"name\":\"x\",\"attributes\":{\"a\":[1]},\"skus\":[" + sku("S", 1) + "]}", "validation_failed"
                },
                new String[] {
                    "{\"name\":\"x\",\"attributes\":{\"a\":null},\"skus\":[" + sku("S", 1) + "]}", "validation_failed"
                },
                new String[] {"[]", "wrong_type"});
        SoftAssertions soft = new SoftAssertions();
        for (String[] c : cases) {
            var r = put("P1", c[0]);
            soft.assertThat(r.status()).as(c[0] + " → " + r).isEqualTo(400);
            soft.assertThat(r.contentType()).as(c[0]).startsWith("application/problem+json");
            soft.assertThat(r.code()).as(c[0] + " → " + r).isEqualTo(c[1]);
        }
        soft.assertAll();
        assertProblem(put("P%201", product("x", sku("S", 1))), 400, "validation_failed");
        assertProblem(api.get("/api/v1/products/P1", tenant.apiKey()), 404, "not_found");
        assertThat(count(context, "commerce_product", tenant.id())).isZero();
        assertThat(count(context, "commerce_sku", tenant.id())).isZero();
    }

    @Test
    void fieldProblemsNameTheOffendingSku() {
        var r = put("P1", product("x", sku("A", 1) + "," + sku("B", -1)));
        assertProblem(r, 400, "validation_failed");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("skus[1].price");
        assertThat(error.get("code").asString()).isEqualTo("out_of_range");
    }

    @Test
    void listsWithFiltersAndCursorPaging() {
        api.put("/api/v1/categories/food", tenant.apiKey(), "{\"name\":\"Food\"}");
        api.put("/api/v1/categories/tea", tenant.apiKey(), "{\"name\":\"Tea\",\"parent\":\"food\"}");
        api.put("/api/v1/categories/green", tenant.apiKey(), "{\"name\":\"Green\",\"parent\":\"tea\"}");
        api.put("/api/v1/categories/toys", tenant.apiKey(), "{\"name\":\"Toys\"}");
        api.put("/api/v1/brands/leaf", tenant.apiKey(), "{\"name\":\"Leaf\"}");
        put("T1", "{\"name\":\"Longjing\",\"category\":\"green\",\"brand\":\"leaf\",\"skus\":[" + sku("T1", 1) + "]}");
        put("T2", "{\"name\":\"Pu'er 100%\",\"category\":\"tea\",\"skus\":[" + sku("T2", 1) + "]}");
        put("F1", "{\"name\":\"Rice\",\"category\":\"food\",\"status\":\"INACTIVE\",\"skus\":[" + sku("F1", 1) + "]}");
        put("Y1", "{\"name\":\"Yo-yo\",\"category\":\"toys\",\"skus\":[" + sku("Y1", 1) + "]}");

        assertThat(codes("/api/v1/products?category=tea")).containsExactly("T2", "T1");
        assertThat(codes("/api/v1/products?category=food")).containsExactly("F1", "T2", "T1");
        assertThat(codes("/api/v1/products?category=nope")).isEmpty();
        assertThat(codes("/api/v1/products?brand=leaf")).containsExactly("T1");
        assertThat(codes("/api/v1/products?status=INACTIVE")).containsExactly("F1");
        assertThat(codes("/api/v1/products?q=longj")).containsExactly("T1");
        assertThat(codes("/api/v1/products?q=100%25")).containsExactly("T2");
        assertThat(codes("/api/v1/products?q=%25")).containsExactly("T2");

        var first = api.get("/api/v1/products?limit=3", tenant.apiKey()).json();
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("items").get(0).get("skus")).hasSize(1);
        String cursor = first.get("next_cursor").asString();
        var second = api.get("/api/v1/products?limit=3&cursor=" + cursor, tenant.apiKey())
                .json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("code").asString()).isEqualTo("T1");
        assertThat(second.has("next_cursor")).isFalse();

        assertProblem(api.get("/api/v1/products?status=GONE", tenant.apiKey()), 400, "invalid_value");
        assertProblem(api.get("/api/v1/products?limit=0", tenant.apiKey()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/products?cursor=zzz", tenant.apiKey()), 400, "validation_failed");
    }

    private List<String> codes(String path) {
        var r = api.get(path, tenant.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.json().get("items").forEach(n -> codes.add(n.get("code").asString()));
        return codes;
    }
}
