package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.assertProblem;
import static io.magpie.commerce.CommerceTestSupport.count;
import static io.magpie.commerce.CommerceTestSupport.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

@MagpieIntegrationTest
class CustomersIntegrationTests {

    @Autowired
    ApplicationContext context;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    private Api.Response put(String id, String json) {
        return api.put("/api/v1/customers/" + id, tenant.apiKey(), json);
    }

    private String storedRow(long tenantId, String externalId) {
        return jdbc(context)
                .sql("select row_to_json(c)::text from commerce_customer c where tenant_id = ? and external_id = ?")
                .params(tenantId, externalId)
                .query(String.class)
                .single();
    }

    private String phoneHash(long tenantId, String externalId) {
        return jdbc(context)
                .sql("select phone_hash from commerce_customer where tenant_id = ? and external_id = ?")
                .params(tenantId, externalId)
                .query(String.class)
                .single();
    }

    @Test
    void keepsOnlyHashesAndMasksOfPhoneAndEmail() {
        var created = put("c1", """
                {"name":"Li Lei","phone":"138-0000-5678","email":"  Alice.Smith@Example.COM ",
                 "attributes":{"level":"gold","visits":3},"registered_at":"2024-05-01T10:00:00Z"}""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.json();
        assertThat(c.get("phone_masked").asString()).isEqualTo("138****5678");
        assertThat(c.get("email_masked").asString()).isEqualTo("a***@example.com");
        assertThat(c.get("registered_at").asString()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(c.get("attributes").get("visits").asInt()).isEqualTo(3);
        assertThat(c.has("phone")).isFalse();
        String row = storedRow(tenant.id(), "c1");
        assertThat(row).doesNotContain("13800005678", "138-0000-5678", "alice.smith", "Alice.Smith");
        assertThat(phoneHash(tenant.id(), "c1")).matches("[0-9a-f]{64}");
    }

    @Test
    void theSamePhoneHashesAlikeInATenantAndDifferentlyAcrossTenants() {
        put("c1", "{\"phone\":\"13800005678\"}");
        put("c2", "{\"phone\":\"138 0000 5678\"}");
        put("c3", "{\"phone\":\"+86 138 0000 5678\"}");
        TestTenant other = TestTenants.create(context);
        api.put("/api/v1/customers/c1", other.apiKey(), "{\"phone\":\"13800005678\"}");

        assertThat(phoneHash(tenant.id(), "c1")).isEqualTo(phoneHash(tenant.id(), "c2"));
        assertThat(phoneHash(tenant.id(), "c3")).isEqualTo(phoneHash(tenant.id(), "c1"));
        assertThat(phoneHash(other.id(), "c1")).isNotEqualTo(phoneHash(tenant.id(), "c1"));
        assertThat(api.get("/api/v1/customers/c3", tenant.apiKey())
                        .json()
                        .get("phone_masked")
                        .asString())
                .isEqualTo("138****5678");

        var byPhone = api.get("/api/v1/customers?phone=138%200000%205678", tenant.apiKey());
        assertThat(ids(byPhone)).containsExactly("c3", "c2", "c1");
        assertThat(ids(api.get("/api/v1/customers?phone=13800005678", other.apiKey())))
                .containsExactly("c1");
    }

    @Test
    void searchesByEmailNameAndIdWithPaging() {
        put("c1", "{\"name\":\"Han Meimei\",\"email\":\"han@example.com\"}");
        put("c2", "{\"name\":\"Li Lei\",\"email\":\"li@example.com\"}");
        put("vip-3", "{\"name\":\"Wang\"}");

        assertThat(ids(api.get("/api/v1/customers?email=HAN@example.com", tenant.apiKey())))
                .containsExactly("c1");
        assertThat(ids(api.get("/api/v1/customers?q=lei", tenant.apiKey()))).containsExactly("c2");
        assertThat(ids(api.get("/api/v1/customers?q=vip", tenant.apiKey()))).containsExactly("vip-3");
        var page = api.get("/api/v1/customers?limit=2", tenant.apiKey()).json();
        assertThat(page.get("items")).hasSize(2);
        var rest = api.get(
                "/api/v1/customers?limit=2&cursor=" + page.get("next_cursor").asString(), tenant.apiKey());
        assertThat(ids(rest)).containsExactly("c1");
        assertProblem(api.get("/api/v1/customers?phone=abc", tenant.apiKey()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/customers?email=nope", tenant.apiKey()), 400, "validation_failed");
    }

    @Test
    void aReplaceClearsWhatIsNoLongerGiven() {
        put("c1", "{\"name\":\"A\",\"phone\":\"13800005678\",\"attributes\":{\"x\":1}}");

        var replaced = put("c1", "{\"name\":\"B\"}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().has("phone_masked")).isFalse();
        assertThat(replaced.json().get("attributes").isEmpty()).isTrue();
        assertThat(ids(api.get("/api/v1/customers?phone=13800005678", tenant.apiKey())))
                .isEmpty();
    }

    @Test
    void badCustomersAreRefusedAndNothingIsWritten() {
        String[][] cases = {
            {"{\"phone\":\"call me\"}", "validation_failed"},
            {"{\"phone\":\"123\"}", "validation_failed"},
            {"{\"email\":\"not-an-email\"}", "validation_failed"},
            {"{\"registered_at\":\"yesterday\"}", "validation_failed"},
            {"{\"registered_at\":\"1800-01-01T00:00:00Z\"}", "validation_failed"},
            {"{\"vip\":true}", "unknown_field"},
            {"{\"attributes\":[1,2]}", "wrong_type"},
            {"{\"name\":", "malformed_json"},
        };
        for (String[] c : cases) {
            var r = put("c1", c[0]);
            assertThat(r.code()).as(c[0] + " → " + r).isEqualTo(c[1]);
            assertThat(r.status()).isEqualTo(400);
        }
        assertProblem(put("c%201", "{}"), 400, "validation_failed");
        assertThat(count(context, "commerce_customer", tenant.id())).isZero();
    }

    @Test
    void bulkUpsertsAllOrNothing() {
        String valid = IntStream.range(0, 200)
                .mapToObj(i -> "{\"external_id\":\"c" + i + "\",\"phone\":\"1380000" + String.format("%04d", i) + "\"}")
                .collect(Collectors.joining(",", "{\"customers\":[", "]}"));
        var created = api.post("/api/v1/customers/bulk", tenant.apiKey(), valid);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("created").asLong()).isEqualTo(200);

        String mixed = IntStream.range(0, 300)
                .mapToObj(i -> i == 250
                        ? "{\"external_id\":\"c" + i + "\",\"email\":\"broken\"}"
                        : "{\"external_id\":\"c" + i + "\",\"name\":\"N" + i + "\"}")
                .collect(Collectors.joining(",", "{\"customers\":[", "]}"));
        var refused = api.post("/api/v1/customers/bulk", tenant.apiKey(), mixed);
        assertProblem(refused, 400, "validation_failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("customers[250].email");
        assertThat(count(context, "commerce_customer", tenant.id())).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/c1", tenant.apiKey()).json().has("name"))
                .isFalse();

        String tooMany = IntStream.range(0, 5001)
                .mapToObj(i -> "{\"external_id\":\"x" + i + "\"}")
                .collect(Collectors.joining(",", "{\"customers\":[", "]}"));
        assertProblem(api.post("/api/v1/customers/bulk", tenant.apiKey(), tooMany), 400, "validation_failed");
        assertThat(count(context, "commerce_customer", tenant.id())).isEqualTo(200);

        var updated = api.post(
                "/api/v1/customers/bulk",
                tenant.apiKey(),
                "{\"customers\":[{\"external_id\":\"c1\",\"name\":\"One\"},{\"external_id\":\"new\"}]}");
        assertThat(updated.json().get("created").asLong()).isEqualTo(1);
        assertThat(updated.json().get("updated").asLong()).isEqualTo(1);
    }

    @Test
    void bulkReplaysWithTheSameIdempotencyKey() {
        String json = "{\"customers\":[{\"external_id\":\"c1\"},{\"external_id\":\"c2\"}]}";
        var first = api.post("/api/v1/customers/bulk", tenant.apiKey(), json, "Idempotency-Key", "k1");
        var replay = api.post("/api/v1/customers/bulk", tenant.apiKey(), json, "Idempotency-Key", "k1");
        assertThat(first.json().get("created").asLong()).isEqualTo(2);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void customersNeedTheCustomersScope() {
        String catalogOnly = TestTenants.apiKey(context, tenant.id(), "catalog");
        String readOnly = TestTenants.apiKey(context, tenant.id(), "read");
        assertProblem(api.put("/api/v1/customers/c1", catalogOnly, "{}"), 403, "insufficient_scope");
        assertProblem(api.get("/api/v1/customers", catalogOnly), 403, "insufficient_scope");
        assertProblem(api.put("/api/v1/customers/c1", readOnly, "{}"), 403, "insufficient_scope");
        assertThat(api.get("/api/v1/customers", readOnly).status()).isEqualTo(200);
    }

    private static List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("items").forEach(n -> ids.add(n.get("external_id").asString()));
        return ids;
    }
}
