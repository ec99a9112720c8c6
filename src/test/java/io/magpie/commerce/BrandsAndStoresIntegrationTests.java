package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.assertProblem;
import static io.magpie.commerce.CommerceTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class BrandsAndStoresIntegrationTests {

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    @Test
    void brandsAreCreatedReplacedAndPaged() {
        assertThat(api.put("/api/v1/brands/b1", tenant.apiKey(), "{\"name\":\"One\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.put("/api/v1/brands/b2", tenant.apiKey(), "{\"name\":\"Two\"}")
                        .status())
                .isEqualTo(201);
        var replaced = api.put("/api/v1/brands/b1", tenant.apiKey(), "{\"name\":\"Uno\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/brands/b1", tenant.apiKey())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Uno");

        var page = api.get("/api/v1/brands?limit=1", tenant.apiKey()).json();
        assertThat(page.get("items").get(0).get("code").asString()).isEqualTo("b2");
        var next = api.get(
                        "/api/v1/brands?limit=1&cursor="
                                + page.get("next_cursor").asString(),
                        tenant.apiKey())
                .json();
        assertThat(next.get("items").get(0).get("code").asString()).isEqualTo("b1");
        assertProblem(api.get("/api/v1/brands/b3", tenant.apiKey()), 404, "not_found");
    }

    @Test
    void badBrandsAreRefused() {
        assertProblem(api.put("/api/v1/brands/b1", tenant.apiKey(), "{}"), 400, "validation_failed");
        assertProblem(api.put("/api/v1/brands/b1", tenant.apiKey(), "{\"name\":[\"x\"]}"), 400, "wrong_type");
        assertProblem(
                api.put("/api/v1/brands/b1", tenant.apiKey(), "{\"name\":\"x\",\"logo\":\"y\"}"), 400, "unknown_field");
        assertProblem(api.put("/api/v1/brands/b1", tenant.apiKey(), "not json"), 400, "malformed_json");
        assertProblem(api.put("/api/v1/brands/-b1", tenant.apiKey(), "{\"name\":\"x\"}"), 400, "validation_failed");
        assertThat(count(context, "commerce_brand", tenant.id())).isZero();
    }

    @Test
    void storesKeepCoordinatesAndTimeZone() {
        var created = api.put("/api/v1/stores/sh-01", tenant.apiKey(), """
                {"name":"Nanjing Road","latitude":31.2353,"longitude":121.4747,"time_zone":"Asia/Shanghai",
                 "address":"Nanjing East Road 1\\nHuangpu","status":"ACTIVE"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("latitude").asDouble()).isEqualTo(31.2353);
        assertThat(created.json().get("time_zone").asString()).isEqualTo("Asia/Shanghai");

        var replaced = api.put(
                "/api/v1/stores/sh-01",
                tenant.apiKey(),
                "{\"name\":\"Nanjing Road\",\"time_zone\":\"Asia/Shanghai\",\"status\":\"INACTIVE\"}");
        assertThat(replaced.status()).isEqualTo(200);
        var fetched = api.get("/api/v1/stores/sh-01", tenant.apiKey()).json();
        assertThat(fetched.get("status").asString()).isEqualTo("INACTIVE");
        assertThat(fetched.has("latitude")).isFalse();
        assertThat(api.get("/api/v1/stores", tenant.apiKey()).json().get("items"))
                .hasSize(1);
        assertProblem(api.get("/api/v1/stores/sh-02", tenant.apiKey()), 404, "not_found");
    }

    @Test
    void badStoresAreRefused() {
        String[][] cases = {
            {"{\"name\":\"S\",\"time_zone\":\"Mars/Olympus\"}", "validation_failed"},
            {"{\"name\":\"S\",\"time_zone\":\"+08:00\"}", "validation_failed"},
            {"{\"name\":\"S\"}", "validation_failed"},
            {"{\"name\":\"S\",\"time_zone\":\"UTC\",\"latitude\":91,\"longitude\":0}", "validation_failed"},
            {"{\"name\":\"S\",\"time_zone\":\"UTC\",\"latitude\":1}", "validation_failed"},
            {"{\"name\":\"S\",\"time_zone\":\"UTC\",\"longitude\":\"east\",\"latitude\":1}", "invalid_value"},
            {"{\"name\":\"S\",\"time_zone\":\"UTC\",\"status\":\"OPEN\"}", "invalid_value"},
            {"{\"name\":\"S\",\"time_zone\":\"UTC\",\"phone\":\"1\"}", "unknown_field"},
        };
        for (String[] c : cases) {
            assertProblem(api.put("/api/v1/stores/s1", tenant.apiKey(), c[0]), 400, c[1]);
        }
        var tz = api.put("/api/v1/stores/s1", tenant.apiKey(), cases[0][0]);
        assertThat(tz.json().get("errors").get(0).get("field").asString()).isEqualTo("time_zone");
        assertThat(count(context, "commerce_store", tenant.id())).isZero();
    }
}
