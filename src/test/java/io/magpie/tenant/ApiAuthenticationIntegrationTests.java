package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.Scopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ApiAuthenticationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void missingAuthorizationIsUnauthenticatedWithAChallenge() {
        var r = Api.of(context).get("/api/v1/api-keys", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("unauthenticated");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aNonBearerSchemeIsUnauthenticated() {
        var r = Api.of(context).send("GET", "/api/v1/users", null, null, null, "Authorization", "Basic b3duZXI6eA==");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("unauthenticated");
    }

    @Test
    void anUnknownKeyIsInvalid() {
        for (String key :
                new String[] {"mk_doesnotexist0000000000000000000000000000", "nonsense", "mk_" + "x".repeat(200)}) {
            var r = Api.of(context).get("/api/v1/api-keys", key);
            assertThat(r.status()).as(key).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("invalid_api_key");
            assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        var tenant = TestTenants.create(context);
        var api = Api.of(context);
        assertThat(api.get("/api/v1/audit-log", tenant.apiKey()).status()).isEqualTo(200);

        TestTenants.revoke(context, tenant.id(), tenant.apiKey());

        var r = api.get("/api/v1/audit-log", tenant.apiKey());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("invalid_api_key");
    }

    @Test
    void aReadOnlyKeyCannotAdminister() {
        var tenant = TestTenants.create(context, Scopes.READ);
        var api = Api.of(context);

        var create = api.post("/api/v1/api-keys", tenant.apiKey(), "{\"name\": \"x\", \"scopes\": [\"admin\"]}");
        var list = api.get("/api/v1/users", tenant.apiKey());
        var audit = api.get("/api/v1/audit-log", tenant.apiKey());

        for (var r : new Api.Response[] {create, list, audit}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isEqualTo("insufficient_scope");
        }
        assertThat(api.get("/api/v1/hello", tenant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void everyAdminEndpointNeedsTheAdminScope() {
        var tenant = TestTenants.create(context, Scopes.ORDERS, Scopes.CATALOG, Scopes.CUSTOMERS, Scopes.READ);
        var api = Api.of(context);
        var admin = TestTenants.apiKey(context, tenant.id(), Scopes.ADMIN);
        long keyId = api.get("/api/v1/api-keys", admin)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        var responses = new Api.Response[] {
            api.get("/api/v1/api-keys", tenant.apiKey()),
            api.get("/api/v1/api-keys/" + keyId, tenant.apiKey()),
            api.post("/api/v1/api-keys/" + keyId + "/revoke", tenant.apiKey(), ""),
            api.post("/api/v1/api-keys", tenant.apiKey(), "{\"name\": \"x\", \"scopes\": [\"read\"]}"),
            api.get("/api/v1/users", tenant.apiKey()),
            api.get("/api/v1/users/1", tenant.apiKey()),
            api.post("/api/v1/users", tenant.apiKey(), "{}"),
            api.post("/api/v1/users/1", tenant.apiKey(), "{}"),
            api.post("/api/v1/users/1/password", tenant.apiKey(), "{}"),
            api.get("/api/v1/audit-log", tenant.apiKey())
        };
        for (var r : responses) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("insufficient_scope");
        }
        assertThat(api.get("/api/v1/api-keys/" + keyId, admin)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
    }
}
