package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.tenant.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ApplicationStartsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void helloAnswersForAValidKey() {
        var tenant = TestTenants.create(context);
        var response = Api.of(context).get("/api/v1/hello", tenant.apiKey());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("tenant_id").asLong()).isEqualTo(tenant.id());
    }

    @Test
    void healthIsUp() {
        var response = Api.of(context).get("/actuator/health", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
