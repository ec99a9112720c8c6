package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class ApiKeysApiIntegrationTests {

    static final String PATH = "/api/v1/api-keys";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdKeyShowsItsSecretOnceAndWorks() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);

        var created = api.post(PATH, tenant.apiKey(), """
                {"name": "POS terminal", "scopes": ["orders", "read"]}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String secret = body.get("key").asString();
        long id = body.get("id").asLong();
        assertThat(secret).startsWith("mk_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(body.get("prefix").asString()).isEqualTo(secret.substring(0, 11));
        assertThat(body.get("scopes").values()).extracting(JsonNode::asString).containsExactly("orders", "read");
        assertThat(body.get("created_at").asString()).isNotBlank();
        assertThat(body.has("secret_hash")).isFalse();
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);

        assertThat(api.get("/api/v1/hello", secret).status()).isEqualTo(200);
        var one = api.get(PATH + "/" + id, tenant.apiKey());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("name").asString()).isEqualTo("POS terminal");
        assertThat(one.json().get("active").asBoolean()).isTrue();
        assertThat(one.body()).doesNotContain(secret).doesNotContain(ApiKeys.hash(secret));
        assertThat(one.json().has("key")).isFalse();
        assertThat(storedHash(id)).isEqualTo(ApiKeys.hash(secret)).isNotEqualTo(secret);
    }

    @Test
    void listIsPagedNewestFirstAndNeverShowsSecrets() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            secrets.add(api.post(PATH, tenant.apiKey(), "{\"name\": \"k" + i + "\", \"scopes\": [\"read\"]}")
                    .json()
                    .get("key")
                    .asString());
        }

        var first = api.get(PATH + "?limit=2", tenant.apiKey());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items").values())
                .extracting(n -> n.get("name").asString())
                .containsExactly("k2", "k1");
        String cursor = first.json().get("next_cursor").asString();
        var second = api.get(PATH + "?limit=2&cursor=" + cursor, tenant.apiKey());
        assertThat(second.json().get("items").values())
                .extracting(n -> n.get("name").asString())
                .containsExactly("k0", "test key");
        assertThat(second.json().has("next_cursor")).isFalse();
        for (String s : secrets) {
            assertThat(first.body() + second.body()).doesNotContain(s).doesNotContain(ApiKeys.hash(s));
        }
        assertThat(first.body()).doesNotContain("secret_hash").doesNotContain("\"key\"");
    }

    @Test
    void revokeIsImmediateAndIdempotent() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        var created = api.post(PATH, tenant.apiKey(), "{\"name\": \"temp\", \"scopes\": [\"read\"]}")
                .json();
        String secret = created.get("key").asString();
        long id = created.get("id").asLong();
        assertThat(api.get("/api/v1/hello", secret).status()).isEqualTo(200);

        var revoked = api.post(PATH + "/" + id + "/revoke", tenant.apiKey(), "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        String revokedAt = revoked.json().get("revoked_at").asString();

        var refused = api.get("/api/v1/hello", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid_api_key");

        var again = api.post(PATH + "/" + id + "/revoke", tenant.apiKey(), "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("revoked_at").asString()).isEqualTo(revokedAt);
        assertThat(auditCount(tenant.id(), "api_key.revoked")).isEqualTo(1);
    }

    @Test
    void aKeyMayRevokeItselfAndIsRefusedRightAfter() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        long ownId = api.get(PATH, tenant.apiKey())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        var revoked = api.post(PATH + "/" + ownId + "/revoke", tenant.apiKey(), "");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(api.get(PATH, tenant.apiKey()).status()).isEqualTo(401);
    }

    @Test
    void unknownScopeIsRefusedAndNothingIsWritten() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);

        var r = api.post(PATH, tenant.apiKey(), "{\"name\": \"x\", \"scopes\": [\"read\", \"superuser\"]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("unknown_scope");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes[1]");
        assertThat(keyCount(tenant.id())).isEqualTo(1);
        assertThat(auditCount(tenant.id(), "api_key.created")).isZero();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        String longName = "n".repeat(101);
        List<String> bodies = List.of(
                "{\"name\": \"\", \"scopes\": [\"read\"]}",
                "{\"name\": \"   \", \"scopes\": [\"read\"]}",
                "{\"name\": \"" + longName + "\", \"scopes\": [\"read\"]}",
                "{\"name\": \"x\", \"scopes\": []}",
                "{\"name\": \"x\"}",
                "{\"scopes\": [\"read\"]}",
                "{\"name\": \"x\", \"scopes\": [null]}",
                "{\"name\": \"x\", \"scopes\": \"read\"}",
                "{\"name\": \"x\", \"scopes\": [\"read\"], \"tenant_id\": 1}",
                "not json");

        for (String body : bodies) {
            var r = api.post(PATH, tenant.apiKey(), body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).startsWith("application/problem+json");
            assertThat(r.code()).as(body).isNotBlank();
        }
        assertThat(api.get(PATH + "/abc", tenant.apiKey()).code()).isEqualTo("invalid_value");
        assertThat(api.get(PATH + "?limit=0", tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(PATH + "?cursor=%25%25", tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(PATH + "/999999999", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.post(PATH + "/999999999/revoke", tenant.apiKey(), "").code())
                .isEqualTo("not_found");
        assertThat(keyCount(tenant.id())).isEqualTo(1);
    }

    @Test
    void duplicateScopesAreStoredOnceInDisplayOrder() {
        var tenant = TestTenants.create(context);
        var r = Api.of(context)
                .post(PATH, tenant.apiKey(), "{\"name\": \"d\", \"scopes\": [\"read\", \"admin\", \"read\"]}");
        assertThat(r.json().get("scopes").values())
                .extracting(JsonNode::asString)
                .containsExactly("admin", "read");
    }

    @Test
    void idempotentReplayReturnsTheSameKeyAndCreatesOneRow() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        String idem = UUID.randomUUID().toString();
        String body = "{\"name\": \"once\", \"scopes\": [\"orders\"]}";

        var first = api.post(PATH, tenant.apiKey(), body, "Idempotency-Key", idem);
        var second = api.post(PATH, tenant.apiKey(), body, "Idempotency-Key", idem);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(keyCount(tenant.id())).isEqualTo(2);

        var reused = api.post(
                PATH, tenant.apiKey(), "{\"name\": \"other\", \"scopes\": [\"orders\"]}", "Idempotency-Key", idem);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(keyCount(tenant.id())).isEqualTo(2);
    }

    @Test
    void everyScopeCanBeGranted() {
        var tenant = TestTenants.create(context);
        var r = Api.of(context)
                .post(
                        PATH,
                        tenant.apiKey(),
                        "{\"name\": \"all\", \"scopes\": [\"read\", \"admin\", \"catalog\", \"customers\", \"orders\","
                                + " \"promotions\", \"evaluate\"]}");
        assertThat(r.json().get("scopes").values())
                .extracting(JsonNode::asString)
                .containsExactlyElementsOf(Scopes.ALL);
    }

    @Test
    void theAdminEndpointsAreDocumented() {
        var docs = Api.of(context).get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/api-keys",
                        "/api/v1/api-keys/{id}",
                        "/api/v1/api-keys/{id}/revoke",
                        "/api/v1/users",
                        "/api/v1/users/{id}",
                        "/api/v1/users/{id}/password",
                        "/api/v1/audit-log");
        assertThat(docs.body()).contains("A key may revoke itself");
    }

    private String storedHash(long id) {
        return jdbc.sql("select secret_hash from tenant_api_key where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private int keyCount(long tenantId) {
        return jdbc.sql("select count(*) from tenant_api_key where tenant_id = ?")
                .param(tenantId)
                .query(Integer.class)
                .single();
    }

    private int auditCount(long tenantId, String action) {
        return jdbc.sql("select count(*) from tenant_audit_log where tenant_id = ? and action = ?")
                .params(tenantId, action)
                .query(Integer.class)
                .single();
    }
}
