package io.magpie.commerce;

import io.magpie.platform.Api;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant with a small catalog (written straight into the tables, since the catalog API is built
 * elsewhere) and helpers to drive its orders over real HTTP.
 */
final class OrderFixture {

    final ApplicationContext context;
    final TestTenant tenant;
    final Api api;
    final JdbcClient jdbc;
    final long categoryId;

    private OrderFixture(ApplicationContext context, TestTenant tenant) {
        this.context = context;
        this.tenant = tenant;
        this.api = Api.of(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.categoryId = jdbc.sql("""
                        insert into commerce_category (tenant_id, code, name, path, depth)
                        values (?, 'tea', 'Tea', '/', 1) returning id""").param(tenant.id()).query(Long.class).single();
    }

    /** A tenant whose catalog has SKUs {@code green-250g}, {@code green-500g} (product {@code green}) and {@code cup}. */
    static OrderFixture create(ApplicationContext context) {
        OrderFixture f = new OrderFixture(context, TestTenants.create(context));
        long green = f.product("green", f.categoryId);
        f.sku(green, "green-250g", 4900);
        f.sku(green, "green-500g", 8900);
        f.sku(f.product("cups", null), "cup", 1500);
        f.store("SH-01");
        return f;
    }

    long product(String code, Long categoryId) {
        return jdbc.sql(
                        "insert into commerce_product (tenant_id, code, name, category_id) values (?, ?, ?, ?) returning id")
                .params(tenant.id(), code, code, categoryId)
                .query(Long.class)
                .single();
    }

    void sku(long productId, String code, long price) {
        jdbc.sql("""
                        insert into commerce_sku (tenant_id, product_id, code, name, price_minor, currency)
                        values (?, ?, ?, ?, ?, 'CNY')""").params(tenant.id(), productId, code, code, price).update();
    }

    void store(String code) {
        jdbc.sql("insert into commerce_store (tenant_id, code, name, time_zone) values (?, ?, ?, 'Asia/Shanghai')")
                .params(tenant.id(), code, code)
                .update();
    }

    static String newOrderId() {
        return "SO-" + UUID.randomUUID();
    }

    /** Three units of green tea (one line discount) and a cup, 10.00 off the order, 8.00 freight. */
    static String order(String orderId) {
        return """
                {"order_id": "%s", "customer_id": "c-1001", "store": "SH-01", "channel": "mini_program",
                 "ordered_at": "2026-01-05T10:00:00+08:00", "discount": 1000, "freight": 800,
                 "lines": [
                   {"line_id": "1", "sku": "green-250g", "quantity": 3, "unit_price": 4900, "discount": 200},
                   {"line_id": "2", "sku": "cup", "quantity": 1, "unit_price": 1500}
                 ]}""".formatted(orderId);
    }

    /** One line with {@code quantity} units of green tea at 1.00 each. */
    static String simpleOrder(String orderId, int quantity) {
        return """
                {"order_id": "%s", "lines": [{"line_id": "a", "sku": "green-250g", "quantity": %d, "unit_price": 100}]}""".formatted(orderId, quantity);
    }

    Api.Response post(String path, String json, String... headers) {
        return api.post(path, tenant.apiKey(), json, headers);
    }

    Api.Response get(String path) {
        return api.get(path, tenant.apiKey());
    }

    Api.Response createPaid(String orderId, String json) {
        Api.Response created = post("/api/v1/orders", json);
        if (created.status() != 201) {
            throw new AssertionError(created.toString());
        }
        return post("/api/v1/orders/" + orderId + "/pay", "{}");
    }

    long count(String sql) {
        return jdbc.sql(sql).param(tenant.id()).query(Long.class).single();
    }

    long orders() {
        return count("select count(*) from commerce_order where tenant_id = ?");
    }

    long lines() {
        return count("select count(*) from commerce_order_line where tenant_id = ?");
    }

    long refunds() {
        return count("select count(*) from commerce_refund where tenant_id = ?");
    }

    long customers() {
        return count("select count(*) from commerce_customer where tenant_id = ?");
    }

    /** Publications of an event type for one order in the outbox (one per listener). */
    long publications(String eventType, String orderId) {
        // one publication per listener: count the recorder's, so other modules' listeners do not change the answer
        return jdbc.sql("select count(*) from event_publication where event_type = ? and serialized_event like ?"
                        + " and listener_id like '%OrderEventRecorder%'")
                .params("io.magpie.commerce." + eventType, "%" + orderId + "%")
                .query(Long.class)
                .single();
    }
}
