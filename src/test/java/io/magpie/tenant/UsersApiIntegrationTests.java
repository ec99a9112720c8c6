package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class UsersApiIntegrationTests {

    static final String PATH = "/api/v1/users";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAUserWhoCanLogIn() {
        var tenant = TestTenants.create(context);
        String username = unique("ana");

        var r = Api.of(context).post(PATH, tenant.apiKey(), """
                {"username": "%s", "display_name": "Ana Li", "password": "ana-password-1", "role": "OPERATOR"}""".formatted(username));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("username").asString()).isEqualTo(username);
        assertThat(r.json().get("display_name").asString()).isEqualTo("Ana Li");
        assertThat(r.json().get("role").asString()).isEqualTo("OPERATOR");
        assertThat(r.json().get("enabled").asBoolean()).isTrue();
        assertThat(r.header("Location"))
                .isEqualTo(PATH + "/" + r.json().get("id").asLong());
        assertThat(r.body()).doesNotContain("password").doesNotContain("ana-password-1");
        assertThat(ConsoleClient.of(context).login(username, "ana-password-1").header("Location"))
                .doesNotContain("error");
    }

    @Test
    void duplicateUsernameIsAConflictWhateverTheCase() {
        var a = TestTenants.create(context);
        var b = TestTenants.create(context);
        String username = unique("dup");
        var api = Api.of(context);
        String body =
                "{\"username\": \"%s\", \"display_name\": \"D\", \"password\": \"dup-password-1\", \"role\": \"ANALYST\"}";
        assertThat(api.post(PATH, a.apiKey(), body.formatted(username)).status())
                .isEqualTo(201);

        var sameTenant = api.post(PATH, a.apiKey(), body.formatted(username.toUpperCase()));
        var otherTenant = api.post(PATH, b.apiKey(), body.formatted(username));

        for (var r : List.of(sameTenant, otherTenant)) {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("username_taken");
        }
        assertThat(userCount(b.id())).isZero();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        String ok = unique("ok");
        List<String> bodies = List.of(
                "{\"username\": \"ab\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ANALYST\"}",
                "{\"username\": \"" + "a".repeat(65)
                        + "\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ANALYST\"}",
                "{\"username\": \"bad name\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ANALYST\"}",
                "{\"username\": \"中文用户\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ANALYST\"}",
                "{\"username\": \"" + ok
                        + "\", \"display_name\": \"D\", \"password\": \"short\", \"role\": \"ANALYST\"}",
                "{\"username\": \"" + ok + "\", \"display_name\": \"D\", \"password\": \"" + "密".repeat(30)
                        + "\", \"role\": \"ANALYST\"}",
                "{\"username\": \"" + ok
                        + "\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ROOT\"}",
                "{\"username\": \"" + ok + "\", \"display_name\": \"D\", \"password\": \"long-enough-1\"}",
                "{\"username\": \"" + ok
                        + "\", \"display_name\": \" \", \"password\": \"long-enough-1\", \"role\": \"ANALYST\"}",
                "{\"username\": \"" + ok
                        + "\", \"display_name\": \"D\", \"password\": \"long-enough-1\", \"role\": \"ANALYST\", \"password_hash\": \"x\"}");

        for (String body : bodies) {
            var r = api.post(PATH, tenant.apiKey(), body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
            assertThat(r.code()).as(body).isNotBlank();
        }
        assertThat(userCount(tenant.id())).isZero();
        assertThat(api.get(PATH + "/987654321", tenant.apiKey()).code()).isEqualTo("not_found");
    }

    @Test
    void changesRoleDisplayNameAndEnabledAndKeepsWhatIsAbsent() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        long id = createUser(api, tenant.apiKey(), unique("chg"), "OPERATOR");

        var r = api.post(PATH + "/" + id, tenant.apiKey(), "{\"role\": \"ANALYST\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("role").asString()).isEqualTo("ANALYST");
        assertThat(r.json().get("display_name").asString()).isEqualTo("Someone");

        r = api.post(PATH + "/" + id, tenant.apiKey(), "{\"display_name\": \"Someone Else\", \"enabled\": false}");
        assertThat(r.json().get("display_name").asString()).isEqualTo("Someone Else");
        assertThat(r.json().get("enabled").asBoolean()).isFalse();
        assertThat(r.json().get("role").asString()).isEqualTo("ANALYST");

        assertThat(api.get(PATH + "/" + id, tenant.apiKey())
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(api.post(PATH + "/" + id, tenant.apiKey(), "{\"role\": \"KING\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(PATH + "/" + id, tenant.apiKey(), "{\"display_name\": \"\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theLastEnabledOwnerCannotBeDemotedOrDisabled() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        long owner = createUser(api, tenant.apiKey(), unique("own"), "OWNER");

        for (String change : List.of("{\"role\": \"OPERATOR\"}", "{\"enabled\": false}")) {
            var r = api.post(PATH + "/" + owner, tenant.apiKey(), change);
            assertThat(r.status()).as(change).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("last_owner");
        }
        assertThat(api.get(PATH + "/" + owner, tenant.apiKey())
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("OWNER");

        long second = createUser(api, tenant.apiKey(), unique("own"), "OWNER");
        assertThat(api.post(PATH + "/" + owner, tenant.apiKey(), "{\"role\": \"OPERATOR\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(PATH + "/" + second, tenant.apiKey(), "{\"enabled\": false}")
                        .code())
                .isEqualTo("last_owner");
        assertThat(api.post(PATH + "/" + second, tenant.apiKey(), "{\"display_name\": \"Still owner\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledOwnerDoesNotCountAsTheLastOwner() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        long first = createUser(api, tenant.apiKey(), unique("own"), "OWNER");
        long second = createUser(api, tenant.apiKey(), unique("own"), "OWNER");
        assertThat(api.post(PATH + "/" + first, tenant.apiKey(), "{\"enabled\": false}")
                        .status())
                .isEqualTo(200);

        assertThat(api.post(PATH + "/" + second, tenant.apiKey(), "{\"role\": \"ANALYST\"}")
                        .code())
                .isEqualTo("last_owner");
    }

    @Test
    void passwordChangeTakesEffectAndIsValidated() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        String username = unique("pw");
        long id = createUser(api, tenant.apiKey(), username, "OPERATOR");

        var tooShort = api.post(PATH + "/" + id + "/password", tenant.apiKey(), "{\"password\": \"short\"}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("validation_failed");

        var r = api.post(PATH + "/" + id + "/password", tenant.apiKey(), "{\"password\": \"brand-new-password\"}");
        assertThat(r.status()).isEqualTo(204);

        assertThat(ConsoleClient.path(ConsoleClient.of(context)
                        .login(username, "someone-password")
                        .header("Location")))
                .isEqualTo("/login?error");
        assertThat(ConsoleClient.path(ConsoleClient.of(context)
                        .login(username, "brand-new-password")
                        .header("Location")))
                .isEqualTo("/");
        assertThat(jdbc.sql("select password_hash from tenant_user where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}");
    }

    @Test
    void listIsPagedAndNeverShowsHashes() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        createUser(api, tenant.apiKey(), unique("l1"), "ANALYST");
        createUser(api, tenant.apiKey(), unique("l2"), "OPERATOR");
        createUser(api, tenant.apiKey(), unique("l3"), "STORE_STAFF");

        var first = api.get(PATH + "?limit=2", tenant.apiKey());
        assertThat(first.json().get("items").size()).isEqualTo(2);
        var second = api.get(
                PATH + "?limit=2&cursor=" + first.json().get("next_cursor").asString(), tenant.apiKey());
        assertThat(second.json().get("items").size()).isEqualTo(1);
        assertThat(second.json().get("items").get(0).get("role").asString()).isEqualTo("ANALYST");
        assertThat(first.body() + second.body()).doesNotContain("bcrypt").doesNotContain("password");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long createUser(Api api, String key, String username, String role) {
        var r = api.post(PATH, key, """
                {"username": "%s", "display_name": "Someone", "password": "someone-password", "role": "%s"}""".formatted(username, role));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private int userCount(long tenantId) {
        return jdbc.sql("select count(*) from tenant_user where tenant_id = ?")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }
}
