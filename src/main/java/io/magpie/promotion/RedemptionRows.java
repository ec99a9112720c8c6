package io.magpie.promotion;

import io.magpie.commerce.OrderLine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores what orders reserved, with conditional updates for every transition, so a replayed event finds
 * nothing left to change.
 */
@Repository
class RedemptionRows {

    static final String COLUMNS = """
            r.id, r.tenant_id, r.order_id, r.campaign_id, r.coupon_id, r.code, r.customer_id, r.stage, r.discount,
            r.freight_discount, r.refunded, r.clawback, r.status, r.operation_id, r.ordered_at, r.reserved_at,
            r.committed_at, r.closed_at""";

    /** A redemption to insert, with its discount per line. */
    record NewRedemption(
            long campaignId,
            Long couponId,
            String code,
            int stage,
            long discount,
            long freightDiscount,
            String operationId,
            Map<String, Long> allocations) {}

    /** An order line as the promotion module keeps it: the units refunded so far. */
    record Line(String lineId, int quantity, long amount, TreeSet<Integer> refundedUnits) {

        boolean fullyRefunded() {
            return refundedUnits.size() == quantity;
        }
    }

    /** A redemption's share of one line, and what refunds rolled back of it. */
    record Share(String lineId, long amount, long rolledBack) {}

    /** What an operation consumed of one limit. */
    record Consumption(long limitId, LimitMeasure measure, String subject, long amount) {}

    /** The order's facts kept for the results. */
    record OrderFacts(String orderId, String customerId, String store, long total, Instant orderedAt) {}

    private final JdbcClient jdbc;

    RedemptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the order and its lines once; a replay inserts nothing. */
    void insertOrder(long tenantId, OrderFacts order, List<OrderLine> lines, Instant now) {
        jdbc.sql("""
                        insert into promotion_order (tenant_id, order_id, customer_id, store, total, ordered_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        tenantId,
                        order.orderId(),
                        order.customerId(),
                        order.store(),
                        order.total(),
                        ts(order.orderedAt()),
                        ts(now))
                .update();
        for (OrderLine line : lines) {
            jdbc.sql("""
                            insert into promotion_order_line (tenant_id, order_id, line_id, quantity, amount)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(tenantId, order.orderId(), line.lineId(), line.quantity(), line.amount())
                    .update();
        }
    }

    /** Inserts a RESERVED redemption with its line shares; empty when it exists already (a replay). */
    Optional<Long> insert(
            long tenantId, String orderId, String customerId, Instant orderedAt, NewRedemption r, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        insert into promotion_redemption (tenant_id, order_id, campaign_id, coupon_id, code, customer_id,
                          stage, discount, freight_discount, status, operation_id, ordered_at, reserved_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RESERVED', ?, ?, ?, ?)
                        on conflict (tenant_id, order_id, campaign_id, coalesce(coupon_id, 0)) do nothing
                        returning id""")
                .params(
                        tenantId,
                        orderId,
                        r.campaignId(),
                        r.couponId(),
                        r.code(),
                        customerId,
                        r.stage(),
                        r.discount(),
                        r.freightDiscount(),
                        r.operationId(),
                        ts(orderedAt),
                        ts(now),
                        ts(now))
                .query(Long.class)
                .optional();
        id.ifPresent(redemption -> r.allocations()
                .forEach((line, amount) ->
                        jdbc.sql("""
                        insert into promotion_redemption_line (tenant_id, redemption_id, line_id, amount)
                        values (?, ?, ?, ?)""").params(tenantId, redemption, line, amount).update()));
        return id;
    }

    List<Redemption> ofOrder(long tenantId, String orderId) {
        return jdbc.sql("select " + COLUMNS + " from promotion_redemption r where r.tenant_id = ? and r.order_id = ?"
                        + " order by r.stage, r.campaign_id, r.coupon_id nulls first")
                .params(tenantId, orderId)
                .query(RedemptionRows::map)
                .list();
    }

    /** Locks the order's promotion row so refunds of one order apply one after the other; false if unknown. */
    boolean lockOrder(long tenantId, String orderId) {
        return jdbc.sql("select 1 from promotion_order where tenant_id = ? and order_id = ? for update")
                .params(tenantId, orderId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** RESERVED → COMMITTED; returns the redemptions that changed. */
    List<Redemption> commit(long tenantId, String orderId, Instant at) {
        return transition(tenantId, orderId, "COMMITTED", "committed_at", at);
    }

    /** RESERVED → RELEASED; returns the redemptions that changed. */
    List<Redemption> release(long tenantId, String orderId, Instant at) {
        return transition(tenantId, orderId, "RELEASED", "closed_at", at);
    }

    private List<Redemption> transition(long tenantId, String orderId, String status, String column, Instant at) {
        return jdbc.sql("update promotion_redemption r set status = ?, " + column + " = ?, updated_at = ?"
                        + " where r.tenant_id = ? and r.order_id = ? and r.status = 'RESERVED' returning " + COLUMNS)
                .params(status, ts(at), ts(at), tenantId, orderId)
                .query(RedemptionRows::map)
                .list();
    }

    /** The order's lines by line id, in line id order. */
    Map<String, Line> lines(long tenantId, String orderId) {
        Map<String, Line> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select line_id, quantity, amount, refunded_units from promotion_order_line
                        where tenant_id = ? and order_id = ? order by line_id""")
                .params(tenantId, orderId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getInt(2), rs.getLong(3), units(rs.getArray(4))))
                .list()
                .forEach(l -> lines.put(l.lineId(), l));
        return lines;
    }

    void refundUnits(long tenantId, String orderId, String lineId, TreeSet<Integer> units) {
        jdbc.sql(
                        "update promotion_order_line set refunded_units = ? where tenant_id = ? and order_id = ? and line_id = ?")
                .params(units.toArray(Integer[]::new), tenantId, orderId, lineId)
                .update();
    }

    /** The line shares of the given redemptions, by redemption id then line id. */
    Map<Long, Map<String, Share>> shares(long tenantId, List<Long> redemptionIds) {
        Map<Long, Map<String, Share>> shares = new LinkedHashMap<>();
        redemptionIds.forEach(id -> shares.put(id, new LinkedHashMap<>()));
        if (redemptionIds.isEmpty()) {
            return shares;
        }
        jdbc.sql("""
                        select redemption_id, line_id, amount, rolled_back from promotion_redemption_line
                        where tenant_id = ? and redemption_id = any(?) order by redemption_id, line_id""")
                .params(tenantId, redemptionIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    shares.get(rs.getLong(1))
                            .put(rs.getString(2), new Share(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    return 0;
                })
                .list();
        return shares;
    }

    /** Records that a refund was applied to the order's promotions; false when it was already (a replay). */
    boolean recordRefund(long tenantId, String orderId, String refundId, Instant at) {
        return jdbc.sql("""
                        insert into promotion_order_refund (tenant_id, order_id, refund_id, refunded_at)
                        values (?, ?, ?, ?) on conflict do nothing""").params(tenantId, orderId, refundId, ts(at)).update() == 1;
    }

    void rollBackLine(long tenantId, long redemptionId, String lineId, long amount) {
        jdbc.sql("""
                        update promotion_redemption_line set rolled_back = rolled_back + ?
                        where tenant_id = ? and redemption_id = ? and line_id = ?""").params(amount, tenantId, redemptionId, lineId).update();
    }

    /** Applies one refund's outcome to a redemption and records it. */
    void applyRefund(
            long tenantId,
            long redemptionId,
            String refundId,
            long rolledBack,
            long clawback,
            RedemptionStatus status,
            String outcome,
            Instant at) {
        boolean closed = status == RedemptionStatus.ROLLED_BACK || status == RedemptionStatus.REVERTED;
        jdbc.sql("""
                        update promotion_redemption set refunded = refunded + ?, clawback = clawback + ?, status = ?,
                          closed_at = case when ? then ? else closed_at end, updated_at = ?
                        where tenant_id = ? and id = ?""")
                .params(rolledBack, clawback, status.name(), closed, ts(at), ts(at), tenantId, redemptionId)
                .update();
        jdbc.sql("""
                        insert into promotion_redemption_refund
                          (tenant_id, redemption_id, refund_id, rolled_back, clawback, outcome, refunded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, redemptionId, refundId, rolledBack, clawback, outcome, ts(at))
                .update();
    }

    /** What the operation consumed and has not released, per limit. */
    List<Consumption> consumptions(long tenantId, String operationId) {
        return jdbc.sql("""
                        select c.limit_id, l.measure, c.subject, c.amount from promotion_limit_consumption c
                        join promotion_limit l on l.tenant_id = c.tenant_id and l.id = c.limit_id
                        where c.tenant_id = ? and c.operation_id = ? and c.released_at is null order by c.limit_id""")
                .params(tenantId, operationId)
                .query((rs, n) -> new Consumption(
                        rs.getLong(1), LimitMeasure.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4)))
                .list();
    }

    static Redemption map(ResultSet rs, int n) throws SQLException {
        return new Redemption(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("order_id"),
                rs.getLong("campaign_id"),
                (Long) rs.getObject("coupon_id"),
                rs.getString("code"),
                rs.getString("customer_id"),
                rs.getInt("stage"),
                rs.getLong("discount"),
                rs.getLong("freight_discount"),
                rs.getLong("refunded"),
                rs.getLong("clawback"),
                RedemptionStatus.valueOf(rs.getString("status")),
                rs.getString("operation_id"),
                instant(rs.getTimestamp("ordered_at")),
                instant(rs.getTimestamp("reserved_at")),
                instant(rs.getTimestamp("committed_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static TreeSet<Integer> units(Array array) throws SQLException {
        TreeSet<Integer> units = new TreeSet<>();
        if (array != null) {
            units.addAll(Arrays.asList((Integer[]) array.getArray()));
        }
        return units;
    }

    static List<Long> ids(List<Redemption> redemptions) {
        List<Long> ids = new ArrayList<>(redemptions.size());
        redemptions.forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
