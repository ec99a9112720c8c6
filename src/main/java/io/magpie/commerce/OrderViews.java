package io.magpie.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads orders with their lines and refunds; a page of orders costs four queries, whatever its size. */
@Component
class OrderViews {

    /** Filters of the order list; nulls mean "any". */
    record Filter(OrderStatus status, String customerId, Instant from, Instant to) {}

    /** A listed order with the row id the cursor continues from. */
    record Listed(long id, OrderView view) {}

    private static final String HEAD = """
            select o.id, o.order_no, o.status, c.external_id, s.code, o.channel, o.currency, o.subtotal_minor,
                   o.discount_minor, o.freight_minor, o.total_minor, o.refunded_minor, o.ordered_at, o.paid_at,
                   o.cancelled_at, o.cancel_reason
              from commerce_order o
              left join commerce_customer c on c.id = o.customer_id
              left join commerce_store s on s.id = o.store_id
             where o.tenant_id = ?""";

    private final JdbcClient jdbc;

    OrderViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderView> find(long tenantId, String orderNo) {
        List<Head> heads = jdbc.sql(HEAD + " and o.order_no = ?")
                .params(tenantId, orderNo)
                .query(OrderViews::head)
                .list();
        return assemble(tenantId, heads).stream().findFirst().map(Listed::view);
    }

    /** Newest first, rows with id below {@code after}, at most {@code limit}. */
    List<Listed> list(long tenantId, Filter f, int limit, long after) {
        StringBuilder sql = new StringBuilder(HEAD).append(" and o.id < ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, after));
        if (f.status() != null) {
            sql.append(" and o.status = ?");
            params.add(f.status().name());
        }
        if (f.customerId() != null) {
            sql.append(
                    " and o.customer_id = (select id from commerce_customer where tenant_id = ? and external_id = ?)");
            params.add(tenantId);
            params.add(f.customerId());
        }
        if (f.from() != null) {
            sql.append(" and o.ordered_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and o.ordered_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        sql.append(" order by o.id desc limit ?");
        params.add(limit);
        List<Head> heads =
                jdbc.sql(sql.toString()).params(params).query(OrderViews::head).list();
        return assemble(tenantId, heads);
    }

    /** One refund of an order, as the refund endpoint answers it. */
    Optional<RefundView> refund(long tenantId, long orderId, String refundNo) {
        List<RefundRow> rows = jdbc.sql("""
                        select r.order_id, r.id, r.refund_no, r.amount_minor, r.reason, r.refunded_at
                          from commerce_refund r where r.tenant_id = ? and r.order_id = ? and r.refund_no = ?""")
                .params(tenantId, orderId, refundNo)
                .query(OrderViews::refundRow)
                .list();
        return refunds(rows).values().stream().flatMap(List::stream).findFirst();
    }

    private List<Listed> assemble(long tenantId, List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        long[] ids = heads.stream().mapToLong(Head::id).toArray();
        Map<Long, List<OrderView.OrderLineView>> lines = new HashMap<>();
        jdbc.sql("""
                        select l.order_id, l.line_no, l.sku_code, p.code, l.quantity, l.unit_price_minor,
                               l.discount_minor, l.amount_minor, l.refunded_quantity, l.refunded_minor
                          from commerce_order_line l left join commerce_product p on p.id = l.product_id
                         where l.tenant_id = ? and l.order_id = any(?)
                         order by l.order_id, l.id""").params(tenantId, ids).query(rs -> {
            lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new OrderView.OrderLineView(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getInt(9),
                            rs.getLong(10)));
        });
        List<RefundRow> refundRows =
                jdbc.sql("""
                        select r.order_id, r.id, r.refund_no, r.amount_minor, r.reason, r.refunded_at
                          from commerce_refund r where r.tenant_id = ? and r.order_id = any(?) order by r.id""").params(tenantId, ids).query(OrderViews::refundRow).list();
        Map<Long, List<RefundView>> refunds = refunds(refundRows);
        Map<Long, List<AppliedPromotion>> promotions = promotions(tenantId, ids);
        List<Listed> views = new ArrayList<>(heads.size());
        for (Head h : heads) {
            views.add(new Listed(
                    h.id,
                    new OrderView(
                            h.orderNo,
                            h.status,
                            h.customerId,
                            h.store,
                            h.channel,
                            h.currency,
                            h.subtotal,
                            h.discount,
                            h.freight,
                            h.total,
                            h.refunded,
                            h.orderedAt,
                            h.paidAt,
                            h.cancelledAt,
                            h.cancelReason,
                            List.copyOf(lines.getOrDefault(h.id, List.of())),
                            List.copyOf(refunds.getOrDefault(h.id, List.of())),
                            List.copyOf(promotions.getOrDefault(h.id, List.of())))));
        }
        return views;
    }

    /** Refund views by order id, with their lines, in refund order. */
    private Map<Long, List<RefundView>> refunds(List<RefundRow> rows) {
        Map<Long, List<RefundView>> byOrder = new HashMap<>();
        if (rows.isEmpty()) {
            return byOrder;
        }
        Map<Long, List<RefundView.RefundLineView>> lines = new HashMap<>();
        jdbc.sql("""
                        select rl.refund_id, l.line_no, rl.quantity, rl.units, rl.amount_minor
                          from commerce_refund_line rl join commerce_order_line l on l.id = rl.order_line_id
                         where rl.refund_id = any(?)
                         order by rl.refund_id, l.id""").param(rows.stream().mapToLong(RefundRow::id).toArray()).query(rs -> {
            lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new RefundView.RefundLineView(rs.getString(2), rs.getInt(3), units(rs), rs.getLong(5)));
        });
        for (RefundRow r : rows) {
            byOrder.computeIfAbsent(r.orderId, k -> new ArrayList<>())
                    .add(new RefundView(
                            r.refundNo,
                            r.amount,
                            r.reason,
                            r.refundedAt,
                            List.copyOf(lines.getOrDefault(r.id, List.of()))));
        }
        return byOrder;
    }

    /** Applied promotions by order id, in request order, with their allocations in request order. */
    private Map<Long, List<AppliedPromotion>> promotions(long tenantId, long[] orderIds) {
        record Flat(long orderId, int position, AppliedPromotion head, String lineId, long amount) {}
        List<Flat> flat = jdbc.sql("""
                        select p.order_id, p.position, p.campaign_id, p.coupon_id, p.code, p.discount_minor,
                               p.freight_discount_minor, a.e ->> 'line_id', (a.e ->> 'amount')::bigint
                          from commerce_order_promotion p
                          left join lateral jsonb_array_elements(p.allocations) with ordinality as a(e, k) on true
                         where p.tenant_id = ? and p.order_id = any(?)
                         order by p.order_id, p.position, a.k""")
                .params(tenantId, orderIds)
                .query((rs, n) -> new Flat(
                        rs.getLong(1),
                        rs.getInt(2),
                        new AppliedPromotion(
                                rs.getLong(3),
                                rs.getObject(4, Long.class),
                                rs.getString(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                List.of()),
                        rs.getString(8),
                        rs.getLong(9)))
                .list();
        Map<Long, List<AppliedPromotion>> byOrder = new HashMap<>();
        for (int i = 0; i < flat.size(); ) {
            Flat first = flat.get(i);
            List<AppliedPromotion.LineShare> shares = new ArrayList<>();
            int j = i;
            for (;
                    j < flat.size()
                            && flat.get(j).orderId() == first.orderId()
                            && flat.get(j).position() == first.position();
                    j++) {
                if (flat.get(j).lineId() != null) {
                    shares.add(new AppliedPromotion.LineShare(
                            flat.get(j).lineId(), flat.get(j).amount()));
                }
            }
            AppliedPromotion h = first.head();
            byOrder.computeIfAbsent(first.orderId(), k -> new ArrayList<>())
                    .add(new AppliedPromotion(
                            h.campaignId(), h.couponId(), h.code(), h.discount(), h.freightDiscount(), shares));
            i = j;
        }
        return byOrder;
    }

    private static List<Integer> units(ResultSet rs) throws SQLException {
        Integer[] units = (Integer[]) rs.getArray(4).getArray();
        return List.copyOf(Arrays.asList(units));
    }

    private record Head(
            long id,
            String orderNo,
            OrderStatus status,
            String customerId,
            String store,
            String channel,
            String currency,
            long subtotal,
            long discount,
            long freight,
            long total,
            long refunded,
            Instant orderedAt,
            Instant paidAt,
            Instant cancelledAt,
            String cancelReason) {}

    private record RefundRow(long orderId, long id, String refundNo, long amount, String reason, Instant refundedAt) {}

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(
                rs.getLong(1),
                rs.getString(2),
                OrderStatus.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)),
                rs.getString(16));
    }

    private static RefundRow refundRow(ResultSet rs, int row) throws SQLException {
        return new RefundRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
