package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant with helpers to set up flash sales through the operator API and reserve over real HTTP. */
final class FlashSaleFixture {

    final ApplicationContext context;
    final TestTenant tenant;
    final Api api;
    final JdbcClient jdbc;

    private FlashSaleFixture(ApplicationContext context) {
        this.context = context;
        this.tenant = TestTenants.create(context);
        this.api = Api.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    static FlashSaleFixture create(ApplicationContext context) {
        return new FlashSaleFixture(context);
    }

    /** A published session that started a minute ago and runs for an hour, with one item. */
    Sale runningSale(int stock, int limit) {
        return sale(Instant.now().minus(Duration.ofMinutes(1)), Duration.ofHours(1), stock, limit, null);
    }

    Sale sale(Instant startsAt, Duration length, int stock, int limit, Integer sessionLimit) {
        long session = createSession(startsAt, startsAt.plus(length), sessionLimit);
        long item = addItem(session, "sku-" + UUID.randomUUID().toString().substring(0, 8), stock, limit);
        ok(post("/api/v1/flash-sales/sessions/" + session + "/publish", "{}"));
        return new Sale(session, item);
    }

    long createSession(Instant startsAt, Instant endsAt, Integer sessionLimit) {
        var r = post("/api/v1/flash-sales/sessions", """
                {"name": "Double 11 at 20:00", "starts_at": "%s", "ends_at": "%s", "time_zone": "Asia/Shanghai",
                 "per_customer_limit": %s}""".formatted(
                startsAt.truncatedTo(ChronoUnit.SECONDS), endsAt.truncatedTo(ChronoUnit.SECONDS), sessionLimit));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long addItem(long session, String sku, int stock, int limit) {
        var r = post("/api/v1/flash-sales/sessions/" + session + "/items", """
                {"sku": "%s", "name": "Green tea 250 g", "original_price": 4900, "flash_price": 990,
                 "stock": %d, "per_customer_limit": %d}""".formatted(sku, stock, limit));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A published session, its one item, and calls on it. */
    record Sale(long session, long item) {

        String reservations() {
            return "/api/v1/flash-sales/" + session + "/items/" + item + "/reservations";
        }

        String stock() {
            return "/api/v1/flash-sales/" + session + "/items/" + item + "/stock";
        }
    }

    Api.Response reserve(Sale sale, String customer, int quantity, String... headers) {
        return api.post(
                sale.reservations(),
                tenant.apiKey(),
                "{\"customer_id\": \"" + customer + "\", \"quantity\": " + quantity + "}",
                headers);
    }

    Api.Response post(String path, String body, String... headers) {
        return api.post(path, tenant.apiKey(), body, headers);
    }

    Api.Response get(String path) {
        return api.get(path, tenant.apiKey());
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }
}
