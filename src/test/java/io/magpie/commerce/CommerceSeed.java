package io.magpie.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data written straight into the commerce tables of one tenant, for read-side tests that must
 * not wait for the write APIs: {@code seed.order("NO-1").paid().at(t).line(sku, 2, 1000).create()}.
 */
public final class CommerceSeed {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final JdbcClient jdbc;
    private final long tenantId;

    private CommerceSeed(JdbcClient jdbc, long tenantId) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
    }

    public static CommerceSeed of(ApplicationContext context, long tenantId) {
        return new CommerceSeed(context.getBean(JdbcClient.class), tenantId);
    }

    public long tenantId() {
        return tenantId;
    }

    /** A category under {@code parentId} (null for a root), with its materialized path. */
    public long category(String code, String name, Long parentId) {
        String parentPath = parentId == null
                ? "/"
                : jdbc.sql("select path from commerce_category where id = ?")
                        .param(parentId)
                        .query(String.class)
                        .single();
        long id = jdbc.sql("insert into commerce_category (tenant_id, code, name, parent_id, path, depth)"
                        + " values (?, ?, ?, ?, 'pending', ?) returning id")
                .params(
                        tenantId,
                        code,
                        name,
                        parentId,
                        parentPath.length() - parentPath.replace("/", "").length())
                .query(Long.class)
                .single();
        jdbc.sql("update commerce_category set path = ? where id = ?")
                .params(parentPath + id + "/", id)
                .update();
        return id;
    }

    public long brand(String code, String name) {
        return jdbc.sql("insert into commerce_brand (tenant_id, code, name) values (?, ?, ?) returning id")
                .params(tenantId, code, name)
                .query(Long.class)
                .single();
    }

    public Product product(String code, String name, Long categoryId, Long brandId) {
        return product(code, name, categoryId, brandId, "ACTIVE", "{}");
    }

    public Product product(String code, String name, Long categoryId, Long brandId, String status, String attributes) {
        long id = jdbc.sql(
                        "insert into commerce_product (tenant_id, code, name, category_id, brand_id, status, attributes)"
                                + " values (?, ?, ?, ?, ?, ?, ?::jsonb) returning id")
                .params(tenantId, code, name, categoryId, brandId, status, attributes)
                .query(Long.class)
                .single();
        return new Product(id, categoryId);
    }

    /** A product's id and category, which its SKUs and order lines need. */
    public record Product(long id, Long categoryId) {}

    /** A SKU of a product; what an order line refers to. */
    public record Sku(long id, String code, long productId, Long categoryId, long priceMinor) {}

    public Sku sku(Product product, String code, String name, long priceMinor, Long listPriceMinor) {
        long id = jdbc.sql(
                        "insert into commerce_sku (tenant_id, product_id, code, name, price_minor, list_price_minor,"
                                + " currency, attributes) values (?, ?, ?, ?, ?, ?, 'CNY', '{\"color\": \"red\"}') returning id")
                .params(tenantId, product.id(), code, name, priceMinor, listPriceMinor)
                .query(Long.class)
                .single();
        return new Sku(id, code, product.id(), product.categoryId(), priceMinor);
    }

    public long store(String code, String name) {
        return jdbc.sql(
                        "insert into commerce_store (tenant_id, code, name, time_zone) values (?, ?, ?, 'Asia/Shanghai')"
                                + " returning id")
                .params(tenantId, code, name)
                .query(Long.class)
                .single();
    }

    public long customer(String externalId, String name, String phoneMasked, String emailMasked) {
        return customer(externalId, name, phoneMasked, emailMasked, "{}");
    }

    public long customer(String externalId, String name, String phoneMasked, String emailMasked, String attributes) {
        return jdbc.sql("insert into commerce_customer (tenant_id, external_id, name, phone_hash, phone_masked,"
                        + " email_hash, email_masked, attributes, registered_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id")
                .params(
                        tenantId,
                        externalId,
                        name,
                        phoneMasked == null ? null : "hash-" + COUNTER.incrementAndGet(),
                        phoneMasked,
                        emailMasked == null ? null : "hash-" + COUNTER.incrementAndGet(),
                        emailMasked,
                        attributes,
                        Timestamp.from(Instant.parse("2025-06-01T02:00:00Z")))
                .query(Long.class)
                .single();
    }

    public OrderDraft order(String orderNo) {
        return new OrderDraft(orderNo);
    }

    /** An order being described; {@link #create()} writes it with totals that add up. */
    public final class OrderDraft {
        private final String orderNo;
        private String status = "PAID";
        private Instant orderedAt = Instant.parse("2026-03-01T02:00:00Z");
        private Long customerId;
        private Long storeId;
        private long discountMinor;
        private long freightMinor;
        private long refundedMinor;
        private String cancelReason;
        private final List<Object[]> lines = new ArrayList<>();

        private OrderDraft(String orderNo) {
            this.orderNo = orderNo;
        }

        public OrderDraft status(String status) {
            this.status = status;
            return this;
        }

        public OrderDraft at(Instant orderedAt) {
            this.orderedAt = orderedAt;
            return this;
        }

        public OrderDraft customer(long customerId) {
            this.customerId = customerId;
            return this;
        }

        public OrderDraft store(long storeId) {
            this.storeId = storeId;
            return this;
        }

        public OrderDraft freight(long minor) {
            this.freightMinor = minor;
            return this;
        }

        /** An order-level discount; it is not spread over the lines here. */
        public OrderDraft discount(long minor) {
            this.discountMinor = minor;
            return this;
        }

        public OrderDraft refunded(long minor) {
            this.refundedMinor = minor;
            return this;
        }

        public OrderDraft cancelled(String reason) {
            this.status = "CANCELLED";
            this.cancelReason = reason;
            return this;
        }

        public OrderDraft line(Sku sku, int quantity, long unitPriceMinor) {
            return line(sku, quantity, unitPriceMinor, 0);
        }

        public OrderDraft line(Sku sku, int quantity, long unitPriceMinor, long lineDiscountMinor) {
            lines.add(new Object[] {sku, quantity, unitPriceMinor, lineDiscountMinor});
            return this;
        }

        /** Writes the order and its lines; returns the order id. */
        public long create() {
            long subtotal = 0;
            long lineAmounts = 0;
            for (Object[] l : lines) {
                long gross = (int) l[1] * (long) l[2];
                subtotal += gross;
                lineAmounts += gross - (long) l[3];
            }
            long total = lineAmounts - discountMinor + freightMinor;
            boolean paid = !"CREATED".equals(status) && !("CANCELLED".equals(status));
            long id = jdbc.sql("""
                            insert into commerce_order (tenant_id, order_no, customer_id, store_id, status, currency,
                              subtotal_minor, discount_minor, freight_minor, total_minor, refunded_minor, request_hash,
                              ordered_at, paid_at, cancelled_at, cancel_reason)
                            values (?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, 'seed', ?, ?, ?, ?) returning id""")
                    .params(
                            tenantId,
                            orderNo,
                            customerId,
                            storeId,
                            status,
                            subtotal,
                            discountMinor,
                            freightMinor,
                            total,
                            refundedMinor,
                            Timestamp.from(orderedAt),
                            paid ? Timestamp.from(orderedAt.plusSeconds(60)) : null,
                            "CANCELLED".equals(status) ? Timestamp.from(orderedAt.plusSeconds(600)) : null,
                            cancelReason)
                    .query(Long.class)
                    .single();
            int n = 0;
            for (Object[] l : lines) {
                Sku sku = (Sku) l[0];
                long gross = (int) l[1] * (long) l[2];
                jdbc.sql("""
                                insert into commerce_order_line (tenant_id, order_id, line_no, sku_id, sku_code, product_id,
                                  category_id, quantity, unit_price_minor, discount_minor, amount_minor)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                tenantId,
                                id,
                                String.valueOf(++n),
                                sku.id(),
                                sku.code(),
                                sku.productId(),
                                sku.categoryId(),
                                l[1],
                                l[2],
                                l[3],
                                gross - (long) l[3])
                        .update();
            }
            return id;
        }
    }

    /** A refund of {@code quantity} units of the order's line number {@code lineNo}. */
    public void refund(long orderId, String refundNo, String lineNo, int quantity, long amountMinor, Instant at) {
        long refundId = jdbc.sql(
                        "insert into commerce_refund (tenant_id, order_id, refund_no, amount_minor, reason,"
                                + " request_hash, refunded_at) values (?, ?, ?, ?, 'Damaged in transit', 'seed', ?) returning id")
                .params(tenantId, orderId, refundNo, amountMinor, Timestamp.from(at))
                .query(Long.class)
                .single();
        long lineId = jdbc.sql("select id from commerce_order_line where order_id = ? and line_no = ?")
                .params(orderId, lineNo)
                .query(Long.class)
                .single();
        jdbc.sql("insert into commerce_refund_line (refund_id, order_line_id, quantity, units, amount_minor)"
                        + " values (?, ?, ?, ?, ?)")
                .params(refundId, lineId, quantity, new Integer[] {0}, amountMinor)
                .update();
        jdbc.sql("update commerce_order_line set refunded_quantity = refunded_quantity + ?,"
                        + " refunded_minor = refunded_minor + ? where id = ?")
                .params(quantity, amountMinor, lineId)
                .update();
    }
}
