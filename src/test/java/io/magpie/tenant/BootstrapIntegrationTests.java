package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.Scopes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class BootstrapIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConfiguredKeyBecomesAnAllScopesKeyOfTheFirstTenantStoredHashed() {
        String configured = "mk_bench_" + UUID.randomUUID().toString().replace("-", "");
        long firstTenant = context.getBean(Tenants.class).all().get(0).id();

        bootstrap(configured).run(new DefaultApplicationArguments());
        bootstrap(configured).run(new DefaultApplicationArguments());

        var hello = Api.of(context).get("/api/v1/hello", configured);
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.json().get("tenant_id").asLong()).isEqualTo(firstTenant);
        var rows = jdbc.sql("select name, scopes::text, secret_hash from tenant_api_key where prefix = ?")
                .param(configured.substring(0, 11))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)[0]).isEqualTo("bootstrap");
        assertThat(rows.get(0)[1]).isEqualTo("{" + String.join(",", Scopes.ALL) + "}");
        assertThat(rows.get(0)[2]).isEqualTo(ApiKeys.hash(configured)).doesNotContain(configured);
        JsonNode audit = Api.of(context)
                .get("/api/v1/audit-log?action=api_key.created&limit=500", configured)
                .json()
                .get("items");
        assertThat(audit.values())
                .anySatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("system:bootstrap"));
    }

    @Test
    void aRevokedBootstrapKeyIsNotRecreatedOnTheNextStart() {
        String configured = "mk_bench_" + UUID.randomUUID().toString().replace("-", "");
        bootstrap(configured).run(new DefaultApplicationArguments());
        long firstTenant = context.getBean(Tenants.class).all().get(0).id();
        TestTenants.revoke(context, firstTenant, configured);

        bootstrap(configured).run(new DefaultApplicationArguments());

        assertThat(Api.of(context).get("/api/v1/hello", configured).status()).isEqualTo(401);
    }

    @Test
    void aMalformedConfiguredKeyStopsTheStart() {
        for (String bad :
                new String[] {"mk_short", "xx_" + "a".repeat(30), "mk_" + "a".repeat(98), "mk_with spaces inside it!"
                }) {
            assertThatThrownBy(() -> bootstrap(bad))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("magpie.bootstrap.api-key");
        }
        assertThat(Bootstrap.checkedApiKey("")).isEmpty();
        assertThat(Bootstrap.checkedApiKey("  mk_abcdefghijklmnopqrstu  ")).isEqualTo("mk_abcdefghijklmnopqrstu");
    }

    private Bootstrap bootstrap(String apiKey) {
        return new Bootstrap(
                context.getBean(Tenants.class),
                context.getBean(ConsoleUsers.class),
                context.getBean(ApiKeys.class),
                context.getBean(AuditLog.class),
                context.getBean(TransactionTemplate.class),
                "My Shop",
                "CNY",
                "Asia/Shanghai",
                "owner",
                "owner-test-password",
                apiKey);
    }
}
