package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.tenant.TestTenants;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Magpie on an external PostgreSQL given by the standard {@code spring.datasource.url}: the
 * machine's own server (PostgreSQL 15 here), migrated from an empty database at start.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "magpie.test.database=local-server")
class ExternalPostgresIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsMigratedOnTheExternalServerAndPersistsWrites() {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:5432/magpie_ext_");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isPositive();

        var tenant = TestTenants.create(context);
        String key = UUID.randomUUID().toString();
        var response = Api.of(context)
                .post(
                        "/api/v1/test/echo",
                        tenant.apiKey(),
                        ApiConventionsIntegrationTests.VALID,
                        "Idempotency-Key",
                        key);
        assertThat(response.status()).isEqualTo(201);
        assertThat(jdbc.sql("select status from platform_idempotency_key where tenant_id = ? and idem_key = ?")
                        .params(tenant.id(), key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(201);
        assertThat(jdbc.sql("select current_setting('server_version_num')::int")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(140000);
    }
}
