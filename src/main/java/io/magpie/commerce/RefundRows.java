package io.magpie.commerce;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes refunds and the refund state of order lines. Callers hold the order's row lock. */
@Component
class RefundRows {

    /** An order line as a refund sees it, with the units refunded so far. */
    record Line(long id, String lineNo, String sku, int quantity, long amount, BitSet refunded) {
        int refundedQuantity() {
            return refunded.cardinality();
        }
    }

    /** One line of a new refund. */
    record NewLine(long orderLineId, List<Integer> units, long amount) {}

    private final JdbcClient jdbc;

    RefundRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The request hash of an existing refund of this order. */
    Optional<String> hash(long tenantId, long orderId, String refundNo) {
        return jdbc.sql(
                        "select request_hash from commerce_refund where tenant_id = ? and order_id = ? and refund_no = ?")
                .params(tenantId, orderId, refundNo)
                .query(String.class)
                .optional();
    }

    /** The order's lines by line id, with the units that earlier refunds returned. */
    Map<String, Line> lines(long tenantId, long orderId) {
        Map<Long, BitSet> refunded = new HashMap<>();
        jdbc.sql("""
                        select rl.order_line_id, rl.units
                          from commerce_refund_line rl join commerce_refund r on r.id = rl.refund_id
                         where r.tenant_id = ? and r.order_id = ?""").params(tenantId, orderId).query(rs -> {
            BitSet units = refunded.computeIfAbsent(rs.getLong(1), k -> new BitSet());
            Array array = rs.getArray(2);
            for (Integer u : (Integer[]) array.getArray()) {
                units.set(u);
            }
        });
        Map<String, Line> lines = new HashMap<>();
        jdbc.sql("""
                        select id, line_no, sku_code, quantity, amount_minor
                          from commerce_order_line where tenant_id = ? and order_id = ?""").params(tenantId, orderId).query(rs -> {
            long id = rs.getLong(1);
            lines.put(
                    rs.getString(2),
                    new Line(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getLong(5),
                            refunded.getOrDefault(id, new BitSet())));
        });
        return lines;
    }

    /** Records the refund and moves its units and amounts onto the lines and the order. */
    void insert(
            long tenantId,
            long orderId,
            String refundNo,
            String reason,
            String requestHash,
            Instant at,
            long amount,
            List<NewLine> lines,
            OrderStatus status) {
        long refundId = jdbc.sql("""
                        insert into commerce_refund (tenant_id, order_id, refund_no, amount_minor, reason, request_hash, refunded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(tenantId, orderId, refundNo, amount, reason, requestHash, Timestamp.from(at))
                .query(Long.class)
                .single();
        long[] lineIds = lines.stream().mapToLong(NewLine::orderLineId).toArray();
        int[] quantities = lines.stream().mapToInt(l -> l.units().size()).toArray();
        long[] amounts = lines.stream().mapToLong(NewLine::amount).toArray();
        // a text[] of array literals, because unnest cannot yield rows of a two-dimensional int array
        String[] units = lines.stream()
                .map(l -> l.units().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .toArray(String[]::new);
        jdbc.sql("""
                        insert into commerce_refund_line (refund_id, order_line_id, quantity, units, amount_minor)
                        select ?, t.line_id, t.quantity, t.units::int[], t.amount
                          from unnest(?::bigint[], ?::int[], ?::text[], ?::bigint[]) as t(line_id, quantity, units, amount)""").params(refundId, lineIds, quantities, units, amounts).update();
        jdbc.sql("""
                        update commerce_order_line l
                           set refunded_quantity = l.refunded_quantity + t.quantity,
                               refunded_minor = l.refunded_minor + t.amount
                          from unnest(?::bigint[], ?::int[], ?::bigint[]) as t(line_id, quantity, amount)
                         where l.id = t.line_id and l.tenant_id = ?""").params(lineIds, quantities, amounts, tenantId).update();
        jdbc.sql("""
                        update commerce_order
                           set refunded_minor = refunded_minor + ?, status = ?, updated_at = ?
                         where id = ? and tenant_id = ?""")
                .params(amount, status.name(), Timestamp.from(at), orderId, tenantId)
                .update();
    }
}
