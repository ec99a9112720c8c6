package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The catalog, customer and import endpoints are described in the OpenAPI document. */
@MagpieIntegrationTest
class CommerceApiDocsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointIsDocumented() {
        var r = Api.of(context).get("/v3/api-docs", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        for (String path : new String[] {
            "/api/v1/categories", "/api/v1/categories/{code}", "/api/v1/brands", "/api/v1/brands/{code}",
            "/api/v1/products", "/api/v1/products/{code}", "/api/v1/products/bulk", "/api/v1/skus/{sku}",
            "/api/v1/stores", "/api/v1/stores/{code}", "/api/v1/customers", "/api/v1/customers/{externalId}",
            "/api/v1/customers/bulk", "/api/v1/imports/{kind}"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/imports/{kind}")
                        .get("post")
                        .get("requestBody")
                        .get("content")
                        .has("multipart/form-data"))
                .isTrue();
    }
}
