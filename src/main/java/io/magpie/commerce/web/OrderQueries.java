package io.magpie.commerce.web;

import io.magpie.platform.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads orders for the console: a filtered list, newest first, and one order with everything about it. */
@Component
class OrderQueries {

    static final Set<String> STATUSES = Set.of("CREATED", "PAID", "CANCELLED", "PARTIALLY_REFUNDED", "REFUNDED");

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The list's filters; null means "any". Dates are local days in the tenant's zone, both inclusive. */
    record Filter(String q, String status, LocalDate from, LocalDate to, Long store, String customer) {}

    record Row(
            long id,
            String orderNo,
            String status,
            Long customerId,
            String customerName,
            String customerExternalId,
            String storeName,
            String channel,
            long totalMinor,
            long refundedMinor,
            String currency,
            Instant orderedAt) {}

    record Detail(
            Row order,
            long subtotalMinor,
            long discountMinor,
            long freightMinor,
            Instant paidAt,
            Instant cancelledAt,
            String cancelReason,
            List<Line> lines,
            List<Refund> refunds,
            List<Event> timeline,
            List<Promotion> promotions) {

        public long lineDiscountMinor() {
            return lines.stream().mapToLong(Line::discountMinor).sum();
        }
    }

    record Line(
            long id,
            String lineNo,
            String skuCode,
            String skuName,
            Long productId,
            String productName,
            int quantity,
            long unitPriceMinor,
            long discountMinor,
            long amountMinor,
            int refundedQuantity,
            long refundedMinor) {}

    record Refund(String refundNo, long amountMinor, String reason, Instant refundedAt, List<RefundLine> lines) {}

    record RefundLine(String lineNo, String skuCode, int quantity, long amountMinor) {}

    /** A promotion or coupon the shop applied, with its allocation over the lines. */
    record Promotion(
            long campaignId,
            Long couponId,
            String code,
            long discountMinor,
            long freightDiscountMinor,
            List<Share> allocations) {}

    record Share(String lineNo, long amountMinor) {}

    /** A step of the order's life for the timeline: {@code kind} is a message key suffix. */
    record Event(String kind, Instant at, Long amountMinor, String note) {}

    CursorPage<Row> list(long tenantId, Filter f, ZoneId zone, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where o.tenant_id = ? and o.id < ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, CursorPage.after(cursor)));
        if (f.q() != null) {
            sql.append(" and o.order_no ilike ?");
            params.add(PageSupport.contains(f.q()));
        }
        if (f.status() != null) {
            sql.append(" and o.status = ?");
            params.add(f.status());
        }
        if (f.from() != null) {
            sql.append(" and o.ordered_at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and o.ordered_at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.store() != null) {
            sql.append(" and o.store_id = ?");
            params.add(f.store());
        }
        if (f.customer() != null) {
            sql.append(" and o.customer_id in (select id from commerce_customer where tenant_id = ?"
                    + " and (external_id = ? or id::text = ?))");
            params.addAll(List.of(tenantId, f.customer(), f.customer()));
        }
        sql.append(" order by o.id desc limit ?");
        params.add(limit + 1);
        List<Row> rows =
                jdbc.sql(sql.toString()).params(params).query(OrderQueries::row).list();
        return CursorPage.of(rows, limit, Row::id);
    }

    List<Option> stores(long tenantId) {
        return jdbc.sql("select id, name from commerce_store where tenant_id = ? order by name, id limit 500")
                .param(tenantId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), 1))
                .list();
    }

    /** The latest orders of one customer. */
    List<Row> ofCustomer(long tenantId, long customerId, int limit) {
        return jdbc.sql(SELECT + " where o.tenant_id = ? and o.customer_id = ? order by o.id desc limit ?")
                .params(tenantId, customerId, limit)
                .query(OrderQueries::row)
                .list();
    }

    Optional<Detail> find(long tenantId, long id) {
        return jdbc.sql("select o.*, c.name as customer_name, c.external_id as customer_external_id,"
                        + " s.name as store_name from commerce_order o"
                        + " left join commerce_customer c on c.id = o.customer_id"
                        + " left join commerce_store s on s.id = o.store_id"
                        + " where o.tenant_id = ? and o.id = ?")
                .params(tenantId, id)
                .query((rs, n) -> new Detail(
                        row(rs, n),
                        rs.getLong("subtotal_minor"),
                        rs.getLong("discount_minor"),
                        rs.getLong("freight_minor"),
                        instant(rs, "paid_at"),
                        instant(rs, "cancelled_at"),
                        rs.getString("cancel_reason"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .optional()
                .map(d -> complete(tenantId, d));
    }

    private Detail complete(long tenantId, Detail d) {
        List<Line> lines = jdbc.sql("""
                        select l.*, s.name as sku_name, p.name as product_name
                        from commerce_order_line l
                        left join commerce_sku s on s.id = l.sku_id
                        left join commerce_product p on p.id = l.product_id
                        where l.tenant_id = ? and l.order_id = ?
                        order by l.id""")
                .params(tenantId, d.order().id())
                .query((rs, n) -> new Line(
                        rs.getLong("id"),
                        rs.getString("line_no"),
                        rs.getString("sku_code"),
                        rs.getString("sku_name"),
                        (Long) rs.getObject("product_id", Long.class),
                        rs.getString("product_name"),
                        rs.getInt("quantity"),
                        rs.getLong("unit_price_minor"),
                        rs.getLong("discount_minor"),
                        rs.getLong("amount_minor"),
                        rs.getInt("refunded_quantity"),
                        rs.getLong("refunded_minor")))
                .list();
        List<Refund> refunds = refunds(tenantId, d.order().id());
        List<Event> timeline = new ArrayList<>();
        timeline.add(new Event("ordered", d.order().orderedAt(), d.order().totalMinor(), null));
        if (d.paidAt() != null) {
            timeline.add(new Event("paid", d.paidAt(), d.order().totalMinor(), null));
        }
        for (Refund r : refunds) {
            timeline.add(new Event("refunded", r.refundedAt(), r.amountMinor(), r.refundNo()));
        }
        if (d.cancelledAt() != null) {
            timeline.add(new Event("cancelled", d.cancelledAt(), null, d.cancelReason()));
        }
        timeline.sort(Comparator.comparing(Event::at));
        return new Detail(
                d.order(),
                d.subtotalMinor(),
                d.discountMinor(),
                d.freightMinor(),
                d.paidAt(),
                d.cancelledAt(),
                d.cancelReason(),
                lines,
                refunds,
                timeline,
                promotions(tenantId, d.order().id()));
    }

    private List<Promotion> promotions(long tenantId, long orderId) {
        return jdbc.sql("""
                        select p.campaign_id, p.coupon_id, p.code, p.discount_minor, p.freight_discount_minor,
                               array(select a.e ->> 'line_id' from jsonb_array_elements(p.allocations)
                                            with ordinality as a(e, k) order by a.k) as line_ids,
                               array(select (a.e ->> 'amount')::bigint from jsonb_array_elements(p.allocations)
                                            with ordinality as a(e, k) order by a.k) as amounts
                        from commerce_order_promotion p
                        where p.tenant_id = ? and p.order_id = ?
                        order by p.position""")
                .params(tenantId, orderId)
                .query((rs, n) -> {
                    String[] lineIds = (String[]) rs.getArray("line_ids").getArray();
                    Long[] amounts = (Long[]) rs.getArray("amounts").getArray();
                    List<Share> shares = new ArrayList<>(lineIds.length);
                    for (int i = 0; i < lineIds.length; i++) {
                        shares.add(new Share(lineIds[i], amounts[i]));
                    }
                    return new Promotion(
                            rs.getLong("campaign_id"),
                            rs.getObject("coupon_id", Long.class),
                            rs.getString("code"),
                            rs.getLong("discount_minor"),
                            rs.getLong("freight_discount_minor"),
                            shares);
                })
                .list();
    }

    private List<Refund> refunds(long tenantId, long orderId) {
        record Flat(long id, String no, long amount, String reason, Instant at, RefundLine line) {}
        List<Flat> flat = jdbc.sql("""
                        select r.id, r.refund_no, r.amount_minor, r.reason, r.refunded_at,
                               l.line_no, l.sku_code, rl.quantity, rl.amount_minor as line_amount
                        from commerce_refund r
                        left join commerce_refund_line rl on rl.refund_id = r.id
                        left join commerce_order_line l on l.id = rl.order_line_id
                        where r.tenant_id = ? and r.order_id = ?
                        order by r.refunded_at, r.id, l.id""")
                .params(tenantId, orderId)
                .query((rs, n) -> new Flat(
                        rs.getLong("id"),
                        rs.getString("refund_no"),
                        rs.getLong("amount_minor"),
                        rs.getString("reason"),
                        instant(rs, "refunded_at"),
                        rs.getString("line_no") == null
                                ? null
                                : new RefundLine(
                                        rs.getString("line_no"),
                                        rs.getString("sku_code"),
                                        rs.getInt("quantity"),
                                        rs.getLong("line_amount"))))
                .list();
        List<Refund> refunds = new ArrayList<>();
        long current = -1;
        for (Flat f : flat) {
            if (f.id() != current) {
                refunds.add(new Refund(f.no(), f.amount(), f.reason(), f.at(), new ArrayList<>()));
                current = f.id();
            }
            if (f.line() != null) {
                refunds.get(refunds.size() - 1).lines().add(f.line());
            }
        }
        return refunds;
    }

    private static final String SELECT = """
            select o.id, o.order_no, o.status, o.customer_id, c.name as customer_name,
                   c.external_id as customer_external_id, s.name as store_name, o.channel,
                   o.total_minor, o.refunded_minor, o.currency, o.ordered_at
            from commerce_order o
            left join commerce_customer c on c.id = o.customer_id
            left join commerce_store s on s.id = o.store_id""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("order_no"),
                rs.getString("status"),
                rs.getObject("customer_id", Long.class),
                rs.getString("customer_name"),
                rs.getString("customer_external_id"),
                rs.getString("store_name"),
                rs.getString("channel"),
                rs.getLong("total_minor"),
                rs.getLong("refunded_minor"),
                rs.getString("currency"),
                instant(rs, "ordered_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
