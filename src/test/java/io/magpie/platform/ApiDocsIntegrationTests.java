package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description is public, documents the key scheme and names properties as the API does. */
@MagpieIntegrationTest
class ApiDocsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void describesTheApiWithItsSnakeCasePropertyNamesAndTheKeyScheme() {
        var r = Api.of(context).get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.get("components")
                        .get("securitySchemes")
                        .get("apiKey")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        List<String> camel = new ArrayList<>();
        doc.get("components").get("schemas").properties().forEach(schema -> {
            JsonNode props = schema.getValue().get("properties");
            if (props != null) {
                props.propertyNames().forEach(name -> {
                    if (!name.equals(name.toLowerCase())) {
                        camel.add(schema.getKey() + "." + name);
                    }
                });
            }
        });
        assertThat(camel).as("properties not in snake_case").isEmpty();
        assertThat(r.body()).contains("\"order_id\"", "\"unit_price\"");
    }
}
