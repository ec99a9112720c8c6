package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Its own small context with a low limit; the shared context runs with the limit out of the way. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"magpie.api.rate-limit.requests-per-second=2", "magpie.api.rate-limit.burst=2"})
class ApiRateLimitIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aKeyOverItsLimitGets429WithRetryAfter() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);

        Api.Response last = null;
        for (int i = 0; i < 5 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/v1/hello", tenant.apiKey());
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
        var otherKey = TestTenants.apiKey(context, tenant.id());
        assertThat(api.get("/api/v1/hello", otherKey).status()).isEqualTo(200);
    }
}
