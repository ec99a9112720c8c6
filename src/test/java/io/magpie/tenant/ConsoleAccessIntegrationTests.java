package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class ConsoleAccessIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnalystMayLookButNotChange() {
        var tenant = TestTenants.create(context);
        String analyst = TestTenants.user(context, tenant.id(), "analyst-password", "ANALYST");
        var console = ConsoleClient.loggedIn(context, analyst, "analyst-password");

        assertThat(console.get("/").status()).isEqualTo(200);
        assertThat(console.post("/").status()).isEqualTo(403);
        assertThat(console.post("/settings/api-keys", "name", "sneaky", "scopes", "admin")
                        .status())
                .isEqualTo(403);
        assertThat(keyCount(tenant.id())).isEqualTo(1);
    }

    @Test
    void anOperatorCannotOpenOrUseSettings() {
        var tenant = TestTenants.create(context);
        String operator = TestTenants.user(context, tenant.id(), "operator-password", "OPERATOR");
        var console = ConsoleClient.loggedIn(context, operator, "operator-password");

        assertThat(console.get("/settings/api-keys").status()).isEqualTo(403);
        assertThat(console.get("/settings/users").status()).isEqualTo(403);
        assertThat(console.get("/settings/audit-log").status()).isEqualTo(403);
        console.get("/");
        assertThat(console.post("/settings/api-keys", "name", "sneaky", "scopes", "admin")
                        .status())
                .isEqualTo(403);
        assertThat(keyCount(tenant.id())).isEqualTo(1);
    }

    @Test
    void aConsolePostWithoutCsrfTokenIsRefused() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");

        var r = console.postWithoutCsrf("/settings/api-keys", "name", "forged", "scopes", "admin");

        assertThat(r.status()).isEqualTo(403);
        assertThat(keyCount(tenant.id())).isEqualTo(1);
        assertThat(console.post("/settings/api-keys", "name", "genuine", "scopes", "read")
                        .status())
                .isEqualTo(200);
        assertThat(keyCount(tenant.id())).isEqualTo(2);
    }

    @Test
    void settingsNeedALogin() {
        var anonymous = ConsoleClient.of(context);
        var r = anonymous.get("/settings/api-keys");
        assertThat(r.status()).isEqualTo(302);
        assertThat(ConsoleClient.path(r.header("Location"))).isEqualTo("/login");
    }

    @Test
    void aDemotedOwnerLosesSettingsAtTheirNextRequest() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        TestTenants.user(context, tenant.id(), "owner-password-2", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");
        assertThat(console.get("/settings/users").status()).isEqualTo(200);

        Api.of(context).post("/api/v1/users/" + userId(owner), tenant.apiKey(), "{\"role\": \"ANALYST\"}");

        assertThat(console.get("/settings/users").status()).isEqualTo(403);
        assertThat(console.get("/").status()).isEqualTo(200);
    }

    @Test
    void aDisabledUserIsLoggedOutAtTheirNextRequestAndCannotLogIn() {
        var tenant = TestTenants.create(context);
        String operator = TestTenants.user(context, tenant.id(), "operator-password", "OPERATOR");
        var console = ConsoleClient.loggedIn(context, operator, "operator-password");
        assertThat(console.get("/").status()).isEqualTo(200);

        Api.of(context).post("/api/v1/users/" + userId(operator), tenant.apiKey(), "{\"enabled\": false}");

        var r = console.get("/");
        assertThat(r.status()).isEqualTo(302);
        assertThat(ConsoleClient.path(r.header("Location"))).startsWith("/login");
        assertThat(console.get("/").status()).isEqualTo(302);
        assertThat(ConsoleClient.path(ConsoleClient.of(context)
                        .login(operator, "operator-password")
                        .header("Location")))
                .isEqualTo("/login?error");
    }

    private long userId(String username) {
        return jdbc.sql("select id from tenant_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private int keyCount(long tenantId) {
        return jdbc.sql("select count(*) from tenant_api_key where tenant_id = ?")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }
}
