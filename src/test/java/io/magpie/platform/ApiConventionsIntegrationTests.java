package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.tenant.TestTenants;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The conventions every endpoint inherits: problems, idempotency keys, size limits, request ids. */
@MagpieIntegrationTest
class ApiConventionsIntegrationTests {

    static final String VALID = """
            {"name":"a","colour":"RED","lines":[{"sku":"S1","quantity":2}]}""";

    @Autowired
    ApplicationContext context;

    Api api() {
        return Api.of(context);
    }

    @Test
    void replayWithTheSameIdempotencyKeyReturnsTheFirstResponseWithoutRunningTwice() {
        var tenant = TestTenants.create(context);
        String key = UUID.randomUUID().toString();
        var first = api().post("/api/v1/test/echo", tenant.apiKey(), VALID, "Idempotency-Key", key);
        var second = api().post("/api/v1/test/echo", tenant.apiKey(), VALID, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        var tenant = TestTenants.create(context);
        String key = UUID.randomUUID().toString();
        api().post("/api/v1/test/echo", tenant.apiKey(), VALID, "Idempotency-Key", key);
        var other = api().post(
                        "/api/v1/test/echo", tenant.apiKey(), VALID.replace("\"a\"", "\"b\""), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void idempotencyKeysArePerTenant() {
        var a = TestTenants.create(context);
        var b = TestTenants.create(context);
        String key = UUID.randomUUID().toString();
        var first = api().post("/api/v1/test/echo", a.apiKey(), VALID, "Idempotency-Key", key);
        var second = api().post("/api/v1/test/echo", b.apiKey(), VALID, "Idempotency-Key", key);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("tenant_id").asLong()).isEqualTo(b.id());
        assertThat(second.json().get("call").asInt())
                .isNotEqualTo(first.json().get("call").asInt());
    }

    @Test
    void aFailedRequestDoesNotConsumeItsKey() {
        var tenant = TestTenants.create(context);
        String key = UUID.randomUUID().toString();
        var bad = api().post("/api/v1/test/echo", tenant.apiKey(), "{\"name\":", "Idempotency-Key", key);
        assertThat(bad.status()).isEqualTo(400);
        var replay = api().post("/api/v1/test/echo", tenant.apiKey(), "{\"name\":", "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void malformedJsonIsAProblem() {
        var r = api().post("/api/v1/test/echo", key(), "{\"name\": \"a\",");
        assertProblem(r, 400, "malformed_json");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        var r = api().post("/api/v1/test/echo", key(), VALID.replace("{\"name\"", "{\"nmae\":1,\"name\""));
        assertProblem(r, 400, "unknown_field");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("nmae");
    }

    @Test
    void wrongTypesNameTheField() {
        var r = api().post("/api/v1/test/echo", key(), VALID.replace("\"quantity\":2", "\"quantity\":\"two\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        var r = api().post("/api/v1/test/echo", key(), VALID.replace("RED", "PURPLE"));
        assertProblem(r, 400, "invalid_value");
        assertThat(r.json().get("detail").asString()).contains("RED", "GREEN");
    }

    @Test
    void beanValidationReportsSnakeCaseFields() {
        var r = api().post("/api/v1/test/echo", key(), VALID.replace("\"quantity\":2", "\"quantity\":-1"));
        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
    }

    @Test
    void hugeNumbersAreRefused() {
        var r = api().post("/api/v1/test/echo", key(), VALID.replace("\"quantity\":2", "\"quantity\":99999999999999"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oversizeBodiesAreRefusedBeforeTheyAreRead() {
        byte[] big = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        var r = api().send("POST", "/api/v1/test/echo", key(), "application/json", big);
        assertProblem(r, 413, "payload_too_large");
    }

    @Test
    void oversizeChunkedBodiesWithoutContentLengthAreRefusedToo() throws Exception {
        String key = key();
        byte[] big = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String idempotencyKey : new String[] {null, UUID.randomUUID().toString()}) {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api().base() + "/api/v1/test/echo"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(big)));
            if (idempotencyKey != null) {
                builder.header("Idempotency-Key", idempotencyKey);
            }
            var r = java.net.http.HttpClient.newHttpClient()
                    .send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.body()).contains("payload_too_large");
        }
    }

    @Test
    void missingBodyWrongMediaTypeUnknownPathAndWrongMethodAreProblems() {
        assertProblem(api().send("POST", "/api/v1/test/echo", key(), "application/json", null), 400, "invalid_body");
        assertProblem(
                api().send("POST", "/api/v1/test/echo", key(), "text/plain", "hi".getBytes(StandardCharsets.UTF_8)),
                415,
                "unsupported_media_type");
        assertProblem(api().get("/api/v1/no-such-thing", key()), 404, "not_found");
        assertProblem(api().get("/api/v1/test/echo", key()), 405, "method_not_allowed");
    }

    @Test
    void everyResponseCarriesARequestIdAndProblemsQuoteIt() {
        var r = api().post("/api/v1/test/echo", key(), "{", "X-Request-Id", "trace-123");
        assertThat(r.header("X-Request-Id")).isEqualTo("trace-123");
        assertThat(r.json().get("request_id").asString()).isEqualTo("trace-123");
    }

    @Test
    void aValuePostgresqlCannotStoreIsTheRequestsFaultNotAConflict() {
        String key = key();
        assertThat(api().post("/api/v1/test/store", key, "{\"text\": \"tea\"}").body())
                .isEqualTo("tea");
        assertProblem(api().post("/api/v1/test/store", key, "{\"text\": \"te\\u0000a\"}"), 400, "invalid_value");
    }

    private String key() {
        return TestTenants.create(context).apiKey();
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }
}
