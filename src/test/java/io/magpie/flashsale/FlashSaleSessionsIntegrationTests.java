package io.magpie.flashsale;

import static io.magpie.flashsale.FlashSaleFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The operator's API: validation, the editing window, publishing, reservations with cursor paging. */
@MagpieIntegrationTest
class FlashSaleSessionsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void badInputIsRefusedWholeWithEveryField() {
        var f = FlashSaleFixture.create(context);
        var r = f.post("/api/v1/flash-sales/sessions", """
                {"name": "", "starts_at": "tomorrow", "ends_at": "2026-01-01T00:00:00Z", "time_zone": "Mars/Base",
                 "per_customer_limit": 0}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).contains("name", "starts_at", "time_zone", "per_customer_limit");
        var backwards = f.post("/api/v1/flash-sales/sessions", """
                {"name": "x", "starts_at": "2026-01-02T00:00:00Z", "ends_at": "2026-01-01T00:00:00Z"}""");
        assertThat(backwards.json().get("errors").toString()).contains("ends_at");
        assertThat(f.count("select count(*) from flashsale_session where tenant_id = ?", f.tenant.id()))
                .isZero();

        long session = f.createSession(
                Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)), null);
        var item = f.post("/api/v1/flash-sales/sessions/" + session + "/items", """
                {"sku": "", "flash_price": -1, "stock": -5, "per_customer_limit": 0}""");
        assertThat(item.json().get("errors").toString()).contains("sku", "flash_price", "stock", "per_customer_limit");
        assertThat(f.post("/api/v1/flash-sales/sessions/" + session + "/publish", "{}")
                        .code())
                .isEqualTo("session_has_no_items");
    }

    /** Input PostgreSQL cannot store is refused as a field problem, not as the database's error (a 409 conflict). */
    @Test
    void timesOutOfRangeAndControlCharactersAreFieldProblems() {
        var f = FlashSaleFixture.create(context);
        String sessions = "/api/v1/flash-sales/sessions";
        for (String[] bad : new String[][] {
            {"+300000-01-01T00:00:00Z", "+300000-01-02T00:00:00Z", "starts_at"},
            {"-5000-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "starts_at"},
            {"2030-01-01T00:00:00Z", "+999999999-01-02T00:00:00Z", "ends_at"}
        }) {
            var r = f.post(sessions, """
                    {"name": "x", "starts_at": "%s", "ends_at": "%s"}""".formatted(bad[0], bad[1]));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[2]);
            assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("out_of_range");
        }
        var nul = f.post(sessions, """
                {"name": "a\\u0000b", "starts_at": "2030-01-01T00:00:00Z", "ends_at": "2030-01-02T00:00:00Z"}""");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        long session = f.createSession(
                Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)), null);
        var sku = f.post(sessions + "/" + session + "/items", """
                {"sku": "a\\u0000b", "flash_price": 1, "stock": 1}""");
        assertThat(sku.status()).as(sku.toString()).isEqualTo(400);
        assertThat(sku.json().get("errors").get(0).get("field").asString()).isEqualTo("sku");
        var name = f.post(sessions + "/" + session + "/items", """
                {"sku": "tea", "name": "tea\\u0000", "flash_price": 1, "stock": 1}""");
        assertThat(name.status()).as(name.toString()).isEqualTo(400);
        assertThat(name.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        var filtered = f.get(sessions + "/" + session + "/reservations?customer_id=a%00b");
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(filtered.json().get("items")).isEmpty();
        assertThat(f.count("select count(*) from flashsale_session where tenant_id = ?", f.tenant.id()))
                .isEqualTo(1);
    }

    @Test
    void itemsChangeUntilTheStartAndThenOnlyCancelling() {
        var f = FlashSaleFixture.create(context);
        var later = f.sale(Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(1), 5, 1, null);
        String items = "/api/v1/flash-sales/sessions/" + later.session() + "/items";
        String sku = f.get("/api/v1/flash-sales/sessions/" + later.session())
                .json()
                .get("items")
                .get(0)
                .get("sku")
                .asString();
        assertThat(f.post(items, "{\"sku\": \"" + sku + "\", \"flash_price\": 1, \"stock\": 1}")
                        .code())
                .isEqualTo("duplicate_sku");
        assertThat(f.get(later.stock()).json().get("stock_left").asLong()).isEqualTo(5);

        var edited = f.api.put(
                items + "/" + later.item(),
                f.tenant.apiKey(),
                "{\"sku\": \"" + sku + "\", \"flash_price\": 880, \"stock\": 8, \"per_customer_limit\": 2}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("stock").asInt()).isEqualTo(8);
        assertThat(f.get(later.stock()).json().get("stock_left").asLong())
                .as("memory rebuilt")
                .isEqualTo(8);

        var running = f.runningSale(5, 1);
        var put = f.api.put(
                "/api/v1/flash-sales/sessions/" + running.session() + "/items/" + running.item(),
                f.tenant.apiKey(),
                "{\"sku\": \"x\", \"flash_price\": 1, \"stock\": 100}");
        assertThat(put.code()).isEqualTo("session_started");
        var cancelled = ok(f.post("/api/v1/flash-sales/sessions/" + running.session() + "/cancel", "{}"))
                .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void reservationsArePagedNewestFirst() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 1);
        for (String c : new String[] {"a", "b", "c"}) {
            assertThat(f.reserve(sale, c, 1).status()).isEqualTo(201);
        }
        String list = "/api/v1/flash-sales/sessions/" + sale.session() + "/reservations";
        var first = ok(f.get(list + "?limit=2")).json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("customer_id").asString()).isEqualTo("c");
        var second = ok(f.get(
                        list + "?limit=2&cursor=" + first.get("next_cursor").asString()))
                .json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("customer_id").asString()).isEqualTo("a");
        assertThat(second.get("next_cursor")).isNull();
        assertThat(ok(f.get(list + "?customer_id=b")).json().get("items")).hasSize(1);
        assertThat(f.get(list + "?status=nope").status()).isEqualTo(400);
        assertThat(ok(f.get("/api/v1/flash-sales/sessions?status=published"))
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void everyOperatorChangeIsAuditedWithBeforeAndAfterButNeverTheTokenSecret() {
        var f = FlashSaleFixture.create(context);
        var sale = f.sale(Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(1), 10, 1, null);
        ok(f.post("/api/v1/flash-sales/sessions/" + sale.session() + "/publish", "{}")); // already published
        ok(f.post("/api/v1/flash-sales/sessions/" + sale.session() + "/cancel", "{}"));

        var actions = f.jdbc.sql("""
                        select action from tenant_audit_log
                         where tenant_id = ? and target_type = 'flash_sale_session' and target_id = ? order by id""")
                .params(f.tenant.id(), String.valueOf(sale.session()))
                .query(String.class)
                .list();
        assertThat(actions)
                .as("a repeated publish changes nothing and is not recorded")
                .containsExactly(
                        "flash_sale_session.created",
                        "flash_sale_item.added",
                        "flash_sale_session.published",
                        "flash_sale_session.cancelled");
        String added = f.jdbc.sql("""
                        select after_state::text from tenant_audit_log
                         where tenant_id = ? and action = 'flash_sale_item.added' and target_id = ?""")
                .params(f.tenant.id(), String.valueOf(sale.session()))
                .query(String.class)
                .single();
        assertThat(added).contains("Green tea 250 g", "\"flash_price\": 990");
        String secret = f.jdbc.sql("select token_secret from flashsale_session where id = ?")
                .param(sale.session())
                .query(String.class)
                .single();
        assertThat(f.count(
                        "select count(*) from tenant_audit_log where tenant_id = ? and (before_state::text like ? or after_state::text like ?)",
                        f.tenant.id(),
                        "%" + secret + "%",
                        "%" + secret + "%"))
                .isZero();
    }
}
