package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void keyCreationAndRevocationAreAuditedWithActorAndStates() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        String actor = "key:" + tenant.apiKey().substring(0, 11);
        long id = api.post("/api/v1/api-keys", tenant.apiKey(), "{\"name\": \"audited\", \"scopes\": [\"read\"]}")
                .json()
                .get("id")
                .asLong();
        api.post("/api/v1/api-keys/" + id + "/revoke", tenant.apiKey(), "");

        JsonNode items = api.get("/api/v1/audit-log", tenant.apiKey()).json().get("items");

        assertThat(items.size()).isEqualTo(2);
        JsonNode revoked = items.get(0);
        assertThat(revoked.get("action").asString()).isEqualTo("api_key.revoked");
        assertThat(revoked.get("actor").asString()).isEqualTo(actor);
        assertThat(revoked.get("target_type").asString()).isEqualTo("api_key");
        assertThat(revoked.get("target_id").asString()).isEqualTo(Long.toString(id));
        assertThat(revoked.get("before").get("active").asBoolean()).isTrue();
        assertThat(revoked.get("after").get("active").asBoolean()).isFalse();
        assertThat(revoked.get("after").get("revoked_at").asString()).isNotBlank();
        assertThat(revoked.get("at").asString()).isNotBlank();
        JsonNode created = items.get(1);
        assertThat(created.get("action").asString()).isEqualTo("api_key.created");
        assertThat(created.get("actor").asString()).isEqualTo(actor);
        assertThat(created.has("before")).isFalse();
        assertThat(created.get("after").get("name").asString()).isEqualTo("audited");
        assertThat(created.get("after").get("scopes").get(0).asString()).isEqualTo("read");
        assertThat(items.toString()).doesNotContain("secret").doesNotContain("hash");
    }

    @Test
    void userChangesAreAuditedWithoutPasswords() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        long id = UsersApiIntegrationTests.createUser(
                api, tenant.apiKey(), UsersApiIntegrationTests.unique("au"), "OPERATOR");
        api.post("/api/v1/users/" + id, tenant.apiKey(), "{\"role\": \"ANALYST\"}");
        api.post("/api/v1/users/" + id + "/password", tenant.apiKey(), "{\"password\": \"another-password\"}");

        JsonNode items = api.get("/api/v1/audit-log?target_type=user", tenant.apiKey())
                .json()
                .get("items");

        assertThat(items.values())
                .extracting(n -> n.get("action").asString())
                .containsExactly("user.password_changed", "user.updated", "user.created");
        JsonNode updated = items.get(1);
        assertThat(updated.get("before").get("role").asString()).isEqualTo("OPERATOR");
        assertThat(updated.get("after").get("role").asString()).isEqualTo("ANALYST");
        assertThat(updated.get("after").get("display_name").asString()).isEqualTo("Someone");
        JsonNode created = items.get(2);
        assertThat(created.get("actor").asString()).startsWith("key:mk_");
        assertThat(created.get("after").get("role").asString()).isEqualTo("OPERATOR");
        assertThat(items.toString())
                .doesNotContain("someone-password")
                .doesNotContain("another-password")
                .doesNotContain("bcrypt");
    }

    @Test
    void filtersByActionAndTargetTypeAndPages() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/api-keys", tenant.apiKey(), "{\"name\": \"f" + i + "\", \"scopes\": [\"read\"]}");
        }
        UsersApiIntegrationTests.createUser(api, tenant.apiKey(), UsersApiIntegrationTests.unique("fl"), "ANALYST");

        var keysOnly = api.get("/api/v1/audit-log?action=api_key.created&limit=2", tenant.apiKey());
        assertThat(keysOnly.json().get("items").values())
                .extracting(n -> n.get("after").get("name").asString())
                .containsExactly("f2", "f1");
        var rest = api.get(
                "/api/v1/audit-log?action=api_key.created&limit=2&cursor="
                        + keysOnly.json().get("next_cursor").asString(),
                tenant.apiKey());
        assertThat(rest.json().get("items").values())
                .extracting(n -> n.get("after").get("name").asString())
                .containsExactly("f0");
        assertThat(api.get("/api/v1/audit-log?target_type=user", tenant.apiKey())
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/audit-log?action=user.created&target_type=api_key", tenant.apiKey())
                        .json()
                        .get("items")
                        .size())
                .isZero();
        var tooLong = api.get("/api/v1/audit-log?action=" + "a".repeat(101), tenant.apiKey());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }
}
