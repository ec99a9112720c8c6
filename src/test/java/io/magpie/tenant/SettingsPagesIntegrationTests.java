package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class SettingsPagesIntegrationTests {

    static final Pattern SECRET = Pattern.compile("id=\"new-key-secret\"[^>]*value=\"(mk_[^\"]+)\"");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ownerCreatesAKeyThroughTheConsoleAndSeesItOnce() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");

        var page = console.get("/settings/api-keys");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("mp-sidebar")
                .contains("create-key-form")
                .contains("test key");

        var created = console.post("/settings/api-keys", "name", "Console key", "scopes", "orders", "scopes", "read");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        Matcher m = SECRET.matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        String secret = m.group(1);
        assertThat(Api.of(context)
                        .get("/api/v1/hello", secret)
                        .json()
                        .get("tenant_id")
                        .asLong())
                .isEqualTo(tenant.id());
        assertThat(console.get("/settings/api-keys").body())
                .contains("Console key")
                .doesNotContain(secret);

        var audit = Api.of(context)
                .get("/api/v1/audit-log?action=api_key.created", tenant.apiKey())
                .json()
                .get("items")
                .get(0);
        assertThat(audit.get("actor").asString()).isEqualTo("user:" + owner);
        assertThat(audit.get("after").get("name").asString()).isEqualTo("Console key");
    }

    @Test
    void htmxGetsOnlyTheFragmentAndRefusedInputIsExplained() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");
        console.get("/settings/api-keys");

        var noScope = console.htmxPost("/settings/api-keys", "name", "No scope");

        assertThat(noScope.status()).isEqualTo(200);
        assertThat(noScope.body()).startsWith("<section").doesNotContain("mp-sidebar");
        assertThat(noScope.body()).contains("Choose at least one scope.").doesNotContain("new-key-secret");
        assertThat(keyCount(tenant.id())).isEqualTo(1);

        var ok = console.htmxPost("/settings/api-keys", "name", "Htmx key", "scopes", "read");
        assertThat(SECRET.matcher(ok.body()).find()).isTrue();
        assertThat(keyCount(tenant.id())).isEqualTo(2);
    }

    @Test
    void ownerRevokesAKeyThroughTheConsole() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");
        long id = Api.of(context)
                .get("/api/v1/api-keys", tenant.apiKey())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        console.get("/settings/api-keys");

        var r = console.post("/settings/api-keys/" + id + "/revoke");

        assertThat(r.status()).isEqualTo(302);
        assertThat(Api.of(context).get("/api/v1/hello", tenant.apiKey()).status())
                .isEqualTo(401);
        assertThat(console.get("/settings/api-keys").body()).contains("revoked");
    }

    @Test
    void aKeyOfAnotherTenantCannotBeRevokedThroughTheConsole() {
        var a = TestTenants.create(context);
        var b = TestTenants.create(context);
        String bOwner = TestTenants.user(context, b.id(), "owner-password-1", "OWNER");
        long aKey = Api.of(context)
                .get("/api/v1/api-keys", a.apiKey())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        var console = ConsoleClient.loggedIn(context, bOwner, "owner-password-1");
        console.get("/settings/api-keys");

        var r = console.htmxPost("/settings/api-keys/" + aKey + "/revoke");

        assertThat(r.body()).contains("belongs to another shop");
        assertThat(Api.of(context).get("/api/v1/hello", a.apiKey()).status()).isEqualTo(200);
        Api.of(context).post("/api/v1/api-keys", a.apiKey(), "{\"name\": \"a-only-key\", \"scopes\": [\"read\"]}");
        assertThat(console.get("/settings/api-keys").body()).doesNotContain("a-only-key");
        assertThat(console.get("/settings/audit-log").body()).doesNotContain("a-only-key");
    }

    @Test
    void ownerManagesUsersThroughTheConsole() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");
        console.get("/settings/users");
        String username = UsersApiIntegrationTests.unique("con");

        var created = console.post(
                "/settings/users",
                "username",
                username,
                "displayName",
                "Console Made",
                "password",
                "console-password",
                "role",
                "OPERATOR");
        assertThat(created.status()).isEqualTo(302);
        var list = console.get("/settings/users");
        assertThat(list.body()).contains(username).contains("Console Made").contains("User " + username + " created.");
        long id = jdbc.sql("select id from tenant_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();

        console.post("/settings/users/" + id, "displayName", "Renamed", "role", "ANALYST");
        console.get("/settings/users");
        console.post("/settings/users/" + id + "/enabled", "enabled", "false");
        console.get("/settings/users");
        console.post("/settings/users/" + id + "/password", "password", "reset-password-1");

        var user = Api.of(context).get("/api/v1/users/" + id, tenant.apiKey()).json();
        assertThat(user.get("display_name").asString()).isEqualTo("Renamed");
        assertThat(user.get("role").asString()).isEqualTo("ANALYST");
        assertThat(user.get("enabled").asBoolean()).isFalse();
        var actions = Api.of(context)
                .get("/api/v1/audit-log?target_type=user", tenant.apiKey())
                .json()
                .get("items");
        assertThat(actions.values())
                .extracting(n -> n.get("action").asString())
                .containsExactly("user.password_changed", "user.updated", "user.updated", "user.created");
        assertThat(actions.values())
                .allSatisfy(n -> assertThat(n.get("actor").asString()).isEqualTo("user:" + owner));
    }

    @Test
    void refusedUserChangesAreExplainedInTheReadersLanguage() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        long ownerId = jdbc.sql("select id from tenant_user where username = ?")
                .param(owner)
                .query(Long.class)
                .single();
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");
        console.get("/settings/users");

        var lastOwner = console.htmxPost("/settings/users/" + ownerId, "displayName", "Me", "role", "ANALYST");
        assertThat(lastOwner.body()).contains("This is the last enabled owner.");
        var taken = console.htmxPost(
                "/settings/users",
                "username",
                owner,
                "displayName",
                "X",
                "password",
                "long-enough-1",
                "role",
                "ANALYST");
        assertThat(taken.body()).contains("This username is already taken.").contains("value=\"" + owner + "\"");
        console.get("/settings/users?lang=zh-CN");
        var shortPassword = console.htmxPost(
                "/settings/users", "username", "newbie1", "displayName", "X", "password", "short", "role", "ANALYST");
        assertThat(shortPassword.body()).contains("密码至少 10 个字符");
        assertThat(console.get("/settings/users").body()).contains("新建用户").contains("所有者");
    }

    @Test
    void auditLogPageShowsChangesReadablyAndFilters() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        var api = Api.of(context);
        long user = UsersApiIntegrationTests.createUser(
                api, tenant.apiKey(), UsersApiIntegrationTests.unique("aud"), "OPERATOR");
        api.post("/api/v1/users/" + user, tenant.apiKey(), "{\"role\": \"ANALYST\"}");
        api.post("/api/v1/api-keys", tenant.apiKey(), "{\"name\": \"Audit me\", \"scopes\": [\"read\"]}");
        var console = ConsoleClient.loggedIn(context, owner, "owner-password-1");

        var all = console.get("/settings/audit-log");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body())
                .contains("User changed")
                .contains("OPERATOR")
                .contains("ANALYST")
                .contains("Audit me");
        assertThat(all.body()).contains("<del class=\"text-danger\">OPERATOR</del>");

        var filtered = console.get("/settings/audit-log?action=user.updated", "HX-Request", "true");
        assertThat(filtered.body())
                .startsWith("<section")
                .contains("User changed")
                .doesNotContain("Audit me");
        assertThat(console.get("/settings/audit-log?cursor=garbage").status()).isEqualTo(200);

        var empty = ConsoleClient.loggedIn(
                context,
                TestTenants.user(context, TestTenants.create(context).id(), "owner-password-1", "OWNER"),
                "owner-password-1");
        assertThat(empty.get("/settings/audit-log").body()).contains("audit-empty");
    }

    @Test
    void settingsAppearInTheNavigationOfOwnersOnly() {
        var tenant = TestTenants.create(context);
        String owner = TestTenants.user(context, tenant.id(), "owner-password-1", "OWNER");
        String operator = TestTenants.user(context, tenant.id(), "operator-password", "OPERATOR");

        String ownerPage = ConsoleClient.loggedIn(context, owner, "owner-password-1")
                .get("/")
                .body();
        String operatorPage = ConsoleClient.loggedIn(context, operator, "operator-password")
                .get("/")
                .body();

        assertThat(ownerPage)
                .contains("href=\"/settings/api-keys\"")
                .contains("href=\"/settings/users\"")
                .contains("href=\"/settings/audit-log\"");
        assertThat(operatorPage).doesNotContain("/settings/");
    }

    private int keyCount(long tenantId) {
        return jdbc.sql("select count(*) from tenant_api_key where tenant_id = ?")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }
}
