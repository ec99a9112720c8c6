package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class AdminApiIsolationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void tenantBCannotSeeOrChangeTenantAsKeysUsersOrAudit() {
        var a = TestTenants.create(context);
        var b = TestTenants.create(context);
        var api = Api.of(context);
        var aKey = api.post("/api/v1/api-keys", a.apiKey(), "{\"name\": \"a-secret-key\", \"scopes\": [\"read\"]}")
                .json();
        long aKeyId = aKey.get("id").asLong();
        String aUsername = UsersApiIntegrationTests.unique("a-user");
        long aUserId = UsersApiIntegrationTests.createUser(api, a.apiKey(), aUsername, "OPERATOR");

        assertThat(api.get("/api/v1/api-keys/" + aKeyId, b.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/api-keys/" + aKeyId + "/revoke", b.apiKey(), "")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + aUserId, b.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/users/" + aUserId, b.apiKey(), "{\"enabled\": false}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/v1/users/" + aUserId + "/password",
                                b.apiKey(),
                                "{\"password\": \"hijacked-password\"}")
                        .status())
                .isEqualTo(404);

        String bKeys = api.get("/api/v1/api-keys?limit=500", b.apiKey()).body();
        String bUsers = api.get("/api/v1/users?limit=500", b.apiKey()).body();
        String bAudit = api.get("/api/v1/audit-log?limit=500", b.apiKey()).body();
        assertThat(bKeys)
                .doesNotContain("a-secret-key")
                .doesNotContain(aKey.get("prefix").asString());
        assertThat(bUsers).doesNotContain(aUsername);
        assertThat(bAudit).doesNotContain("a-secret-key").doesNotContain(aUsername);

        assertThat(api.get("/api/v1/api-keys/" + aKeyId, a.apiKey())
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
        var aUser = api.get("/api/v1/users/" + aUserId, a.apiKey()).json();
        assertThat(aUser.get("enabled").asBoolean()).isTrue();
        assertThat(ConsoleClient.path(ConsoleClient.of(context)
                        .login(aUsername, "someone-password")
                        .header("Location")))
                .isEqualTo("/");
    }
}
