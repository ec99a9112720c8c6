package io.magpie.commerce.demo;

import io.magpie.commerce.ContactHashing;
import io.magpie.tenant.TenantView;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the generated demo shop with batched statements (inside the caller's transaction). */
@Component
class DemoWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ContactHashing contacts;

    DemoWriter(JdbcClient jdbc, JdbcTemplate template, ContactHashing contacts) {
        this.jdbc = jdbc;
        this.template = template;
        this.contacts = contacts;
    }

    record SkuRow(long id, String code, long productId, long categoryId, long price) {}

    record WrittenCatalog(List<SkuRow> skus, List<DemoOrders.SkuRef> refs) {}

    WrittenCatalog catalog(TenantView tenant, List<DemoCatalog.Product> products) {
        Map<String, Long> categories = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        int position = 0;
        for (DemoCatalog.Category c : DemoCatalog.CATEGORIES) {
            Long parent = c.parentCode() == null ? null : categories.get(c.parentCode());
            String parentPath = c.parentCode() == null ? "/" : paths.get(c.parentCode());
            int depth = (int) parentPath.chars().filter(ch -> ch == '/').count();
            long id = jdbc.sql("""
                            insert into commerce_category (tenant_id, code, name, parent_id, path, depth, position)
                            values (?, ?, ?, ?, '', ?, ?) returning id""")
                    .params(tenant.id(), c.code(), c.name(), parent, depth, position++)
                    .query(Long.class)
                    .single();
            String path = parentPath + id + "/";
            jdbc.sql("update commerce_category set path = ? where id = ?")
                    .params(path, id)
                    .update();
            categories.put(c.code(), id);
            paths.put(c.code(), path);
        }
        Map<String, Long> brands = new HashMap<>();
        for (DemoCatalog.Brand b : DemoCatalog.BRANDS) {
            brands.put(
                    b.code(),
                    jdbc.sql("insert into commerce_brand (tenant_id, code, name) values (?, ?, ?) returning id")
                            .params(tenant.id(), b.code(), b.name())
                            .query(Long.class)
                            .single());
        }
        List<SkuRow> skus = new ArrayList<>();
        List<DemoOrders.SkuRef> refs = new ArrayList<>();
        for (DemoCatalog.Product p : products) {
            long category = categories.get(p.categoryCode());
            long productId = jdbc.sql("""
                            insert into commerce_product (tenant_id, code, name, category_id, brand_id)
                            values (?, ?, ?, ?, ?) returning id""")
                    .params(tenant.id(), p.code(), p.name(), category, brands.get(p.brandCode()))
                    .query(Long.class)
                    .single();
            for (DemoCatalog.Sku s : p.skus()) {
                long skuId = jdbc.sql("""
                                insert into commerce_sku (tenant_id, product_id, code, name, price_minor, list_price_minor, currency)
                                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                        .params(tenant.id(), productId, s.code(), s.name(), s.price(), s.listPrice(), tenant.currency())
                        .query(Long.class)
                        .single();
                skus.add(new SkuRow(skuId, s.code(), productId, category, s.price()));
                refs.add(new DemoOrders.SkuRef(s.price(), s.popularity()));
            }
        }
        return new WrittenCatalog(skus, refs);
    }

    long[] stores(TenantView tenant) {
        Object[][] stores = {
            {
                "SH-001",
                "Shanghai Jing'an Flagship",
                31.2286,
                121.4476,
                "Asia/Shanghai",
                "1601 Nanjing West Rd, Jing'an, Shanghai"
            },
            {"BJ-001", "Beijing Sanlitun", 39.9334, 116.4551, "Asia/Shanghai", "19 Sanlitun Rd, Chaoyang, Beijing"},
            {
                "HK-001",
                "Hong Kong Causeway Bay",
                22.2803,
                114.1830,
                "Asia/Hong_Kong",
                "500 Hennessy Rd, Causeway Bay, Hong Kong"
            }
        };
        long[] ids = new long[stores.length];
        for (int i = 0; i < stores.length; i++) {
            Object[] s = stores[i];
            ids[i] = jdbc.sql("""
                            insert into commerce_store (tenant_id, code, name, latitude, longitude, time_zone, address)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(tenant.id(), s[0], s[1], s[2], s[3], s[4], s[5])
                    .query(Long.class)
                    .single();
        }
        return ids;
    }

    long[] customers(TenantView tenant, List<DemoPeople.Person> people) {
        long[] ids = allocate("commerce_customer", people.size());
        List<Object[]> rows = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            DemoPeople.Person p = people.get(i);
            var phone = contacts.phone(tenant.id(), p.phone());
            var email = p.email() == null ? null : contacts.email(tenant.id(), p.email());
            rows.add(new Object[] {
                ids[i],
                tenant.id(),
                p.externalId(),
                p.name(),
                phone.hash(),
                phone.masked(),
                email == null ? null : email.hash(),
                email == null ? null : email.masked(),
                JSON.writeValueAsString(p.attributes()),
                Timestamp.from(p.registeredAt())
            });
        }
        batch("""
                insert into commerce_customer (id, tenant_id, external_id, name, phone_hash, phone_masked, email_hash,
                                               email_masked, attributes, registered_at, created_at, updated_at)
                overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, now(), now())""", rows);
        return ids;
    }

    void orders(
            TenantView tenant,
            List<DemoOrders.Order> orders,
            WrittenCatalog catalog,
            long[] customerIds,
            long[] storeIds,
            LongConsumer progress) {
        for (int from = 0; from < orders.size(); from += 10_000) {
            List<DemoOrders.Order> chunk = orders.subList(from, Math.min(orders.size(), from + 10_000));
            ordersChunk(tenant, chunk, from, catalog, customerIds, storeIds);
            progress.accept(from + chunk.size());
        }
    }

    private void ordersChunk(
            TenantView tenant,
            List<DemoOrders.Order> orders,
            int offset,
            WrittenCatalog catalog,
            long[] customerIds,
            long[] storeIds) {
        long[] orderIds = allocate("commerce_order", orders.size());
        int lineCount = orders.stream().mapToInt(o -> o.lines().size()).sum();
        long[] lineIds = allocate("commerce_order_line", lineCount);
        int refundCount = (int) orders.stream()
                .filter(o -> o.fate() == DemoOrders.Fate.PARTIALLY_REFUNDED || o.fate() == DemoOrders.Fate.REFUNDED)
                .count();
        long[] refundIds = allocate("commerce_refund", refundCount);
        List<Object[]> orderRows = new ArrayList<>(orders.size());
        List<Object[]> lineRows = new ArrayList<>(lineCount);
        List<Object[]> refundRows = new ArrayList<>(refundCount);
        List<Object[]> refundLineRows = new ArrayList<>();
        int line = 0;
        int refund = 0;
        for (int i = 0; i < orders.size(); i++) {
            DemoOrders.Order o = orders.get(i);
            long orderId = orderIds[i];
            Instant at = o.orderedAt();
            String orderNo = String.format("D%06d", offset + i + 1);
            DemoOrders.Fate fate = o.fate();
            boolean paid = fate != DemoOrders.Fate.UNPAID && fate != DemoOrders.Fate.CANCELLED;
            Instant paidAt = paid ? at.plusSeconds(30 + (orderId % 600)) : null;
            Instant cancelledAt = fate == DemoOrders.Fate.CANCELLED ? at.plus(Duration.ofMinutes(30)) : null;
            long refunded = 0;
            long refundId = fate == DemoOrders.Fate.PARTIALLY_REFUNDED || fate == DemoOrders.Fate.REFUNDED
                    ? refundIds[refund++]
                    : 0;
            Instant refundedAt = refundId == 0 ? null : paidAt.plus(Duration.ofDays(3 + orderId % 9));
            for (int l = 0; l < o.lines().size(); l++) {
                DemoOrders.Line ln = o.lines().get(l);
                SkuRow sku = catalog.skus().get(ln.sku());
                long lineId = lineIds[line++];
                int refundedQuantity = 0;
                long lineRefunded = 0;
                if (fate == DemoOrders.Fate.REFUNDED || (fate == DemoOrders.Fate.PARTIALLY_REFUNDED && l == 0)) {
                    refundedQuantity = fate == DemoOrders.Fate.REFUNDED ? ln.quantity() : 1;
                    int[] units = new int[refundedQuantity];
                    for (int u = 0; u < refundedQuantity; u++) {
                        units[u] = u;
                        lineRefunded += unitShare(ln.amount(), ln.quantity(), u);
                    }
                    refundLineRows.add(new Object[] {refundId, lineId, refundedQuantity, units, lineRefunded});
                    refunded += lineRefunded;
                }
                lineRows.add(new Object[] {
                    lineId,
                    tenant.id(),
                    orderId,
                    Integer.toString(l + 1),
                    sku.id(),
                    sku.code(),
                    sku.productId(),
                    sku.categoryId(),
                    ln.quantity(),
                    ln.unitPrice(),
                    ln.discount(),
                    ln.amount(),
                    refundedQuantity,
                    lineRefunded
                });
            }
            if (refundId != 0) {
                refundRows.add(new Object[] {
                    refundId,
                    tenant.id(),
                    orderId,
                    "R" + orderNo.substring(1),
                    refunded,
                    fate == DemoOrders.Fate.REFUNDED ? "Changed my mind" : "Size did not fit",
                    Timestamp.from(refundedAt)
                });
            }
            String status = switch (fate) {
                case UNPAID -> "CREATED";
                case CANCELLED -> "CANCELLED";
                case PAID -> "PAID";
                case PARTIALLY_REFUNDED -> "PARTIALLY_REFUNDED";
                case REFUNDED -> "REFUNDED";
            };
            long subtotal = o.subtotal();
            orderRows.add(new Object[] {
                orderId,
                tenant.id(),
                orderNo,
                customerIds[o.customer()],
                o.store() < 0 ? null : storeIds[o.store()],
                o.channel(),
                status,
                tenant.currency(),
                subtotal,
                o.freight(),
                subtotal + o.freight(),
                refunded,
                Timestamp.from(at),
                paidAt == null ? null : Timestamp.from(paidAt),
                cancelledAt == null ? null : Timestamp.from(cancelledAt),
                cancelledAt == null ? null : "Payment timed out",
                Timestamp.from(at),
                Timestamp.from(refundedAt != null ? refundedAt : paidAt != null ? paidAt : at)
            });
        }
        batch("""
                insert into commerce_order (id, tenant_id, order_no, customer_id, store_id, channel, status, currency,
                    subtotal_minor, freight_minor, total_minor, refunded_minor, request_hash, ordered_at, paid_at,
                    cancelled_at, cancel_reason, created_at, updated_at)
                overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, ?, ?)""", orderRows);
        batch("""
                insert into commerce_order_line (id, tenant_id, order_id, line_no, sku_id, sku_code, product_id,
                    category_id, quantity, unit_price_minor, discount_minor, amount_minor, refunded_quantity, refunded_minor)
                overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lineRows);
        batch("""
                insert into commerce_refund (id, tenant_id, order_id, refund_no, amount_minor, reason, request_hash, refunded_at)
                overriding system value
                values (?, ?, ?, ?, ?, ?, 'demo', ?)""", refundRows);
        batch("""
                insert into commerce_refund_line (refund_id, order_line_id, quantity, units, amount_minor)
                values (?, ?, ?, ?, ?)""", refundLineRows);
    }

    /** A unit's share of a line amount: floor, plus one fen for the first (amount mod quantity) units. */
    static long unitShare(long amount, int quantity, int unit) {
        return amount / quantity + (unit < amount % quantity ? 1 : 0);
    }

    private long[] allocate(String table, int n) {
        if (n == 0) {
            return new long[0];
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")
                .params(table, n)
                .query(Long.class)
                .list();
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
