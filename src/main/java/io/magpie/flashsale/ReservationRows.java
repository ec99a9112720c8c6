package io.magpie.flashsale;

import static io.magpie.flashsale.FlashSaleRows.instant;
import static io.magpie.flashsale.FlashSaleRows.ts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reservations, the per-customer quota rows and the stock columns they move, in PostgreSQL. */
@Component
class ReservationRows {

    static final String COLUMNS = """
            r.id, r.session_id, r.item_id, i.sku, r.customer_id, r.quantity, i.flash_price, r.status, r.order_id,
            r.expires_at, r.created_at, r.confirmed_at, r.ended_at, r.ended_reason""";

    private final JdbcClient jdbc;

    ReservationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes a batch in the caller's transaction: one multi-row insert of the reservations, one upsert
     * of the customers' quota rows per kind, and one update of the stock of each item and of this
     * node's lease of it. The checks on those rows refuse an oversell or a limit violation.
     */
    void insertBatch(Connection con, List<PendingReservation> batch, String nodeId) throws SQLException {
        int n = batch.size();
        Long[] ids = new Long[n];
        Long[] tenants = new Long[n];
        Long[] sessions = new Long[n];
        Long[] items = new Long[n];
        String[] customers = new String[n];
        Integer[] quantities = new Integer[n];
        String[] orders = new String[n];
        String[] keys = new String[n];
        Timestamp[] expires = new Timestamp[n];
        Timestamp[] created = new Timestamp[n];
        Map<String, int[]> itemQuota = new TreeMap<>();
        Map<String, int[]> sessionQuota = new TreeMap<>();
        Map<Long, Integer> perItem = new TreeMap<>();
        Map<String, PendingReservation> quotaOwner = new java.util.HashMap<>();
        for (int k = 0; k < n; k++) {
            PendingReservation p = batch.get(k);
            ids[k] = p.id();
            tenants[k] = p.ledger().tenantId;
            sessions[k] = p.ledger().sessionId;
            items[k] = p.item().itemId;
            customers[k] = p.customerId();
            quantities[k] = p.quantity();
            orders[k] = p.orderId();
            keys[k] = p.requestKey();
            expires[k] = ts(p.expiresAt());
            created[k] = ts(p.createdAt());
            String ik = p.item().itemId + "\u0000" + p.customerId();
            itemQuota.computeIfAbsent(ik, x -> new int[] {0, p.item().limit})[0] += p.quantity();
            quotaOwner.putIfAbsent(ik, p);
            if (p.ledger().sessionLimit != null) {
                String sk = p.ledger().sessionId + "\u0000" + p.customerId();
                sessionQuota.computeIfAbsent(sk, x -> new int[] {0, p.ledger().sessionLimit})[0] += p.quantity();
                quotaOwner.putIfAbsent(sk, p);
            }
            perItem.merge(p.item().itemId, p.quantity(), Integer::sum);
        }
        try (PreparedStatement ps = con.prepareStatement("""
                insert into flashsale_reservation (id, tenant_id, session_id, item_id, customer_id, quantity, status,
                       order_id, request_key, node_id, expires_at, created_at, updated_at)
                select r.id, r.tenant_id, r.session_id, r.item_id, r.customer_id, r.quantity, 'RESERVED', r.order_id,
                       r.request_key, ?, r.expires_at, r.created_at, r.created_at
                  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[],
                              ?::text[], ?::timestamptz[], ?::timestamptz[])
                       as r(id, tenant_id, session_id, item_id, customer_id, quantity, order_id, request_key,
                            expires_at, created_at)""")) {
            ps.setString(1, nodeId);
            ps.setArray(2, con.createArrayOf("bigint", ids));
            ps.setArray(3, con.createArrayOf("bigint", tenants));
            ps.setArray(4, con.createArrayOf("bigint", sessions));
            ps.setArray(5, con.createArrayOf("bigint", items));
            ps.setArray(6, con.createArrayOf("text", customers));
            ps.setArray(7, con.createArrayOf("int4", quantities));
            ps.setArray(8, con.createArrayOf("text", orders));
            ps.setArray(9, con.createArrayOf("text", keys));
            ps.setArray(10, con.createArrayOf("timestamptz", expires));
            ps.setArray(11, con.createArrayOf("timestamptz", created));
            ps.executeUpdate();
        }
        upsertQuotas(con, "flashsale_item_quota", "item_id", itemQuota, quotaOwner);
        if (!sessionQuota.isEmpty()) {
            upsertQuotas(con, "flashsale_session_quota", "session_id", sessionQuota, quotaOwner);
        }
        // item row first, then the lease row: the order every writer of both follows
        Long[] itemIds = perItem.keySet().toArray(Long[]::new);
        Integer[] units = perItem.values().toArray(Integer[]::new);
        Array itemArray = con.createArrayOf("bigint", itemIds);
        Array unitArray = con.createArrayOf("int4", units);
        try (PreparedStatement ps = con.prepareStatement("""
                update flashsale_item i set reserved = reserved + x.n, leased = leased - x.n
                  from unnest(?::bigint[], ?::int[]) as x(item_id, n) where i.id = x.item_id""")) {
            ps.setArray(1, itemArray);
            ps.setArray(2, unitArray);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = con.prepareStatement("""
                update flashsale_stock_lease l set amount = amount - x.n
                  from unnest(?::bigint[], ?::int[]) as x(item_id, n) where l.item_id = x.item_id and l.node_id = ?""")) {
            ps.setArray(1, itemArray);
            ps.setArray(2, unitArray);
            ps.setString(3, nodeId);
            if (ps.executeUpdate() != itemIds.length) {
                // a lease taken away (the item was edited, or the lease reclaimed from a node thought
                // dead): nothing may be sold from it, and the node rebuilds its memory
                throw new SQLException(ReservationWriter.LEASE_MISSING, "23514", 0, null);
            }
        }
    }

    private static void upsertQuotas(
            Connection con,
            String table,
            String ownerColumn,
            Map<String, int[]> quotas,
            Map<String, PendingReservation> owners)
            throws SQLException {
        int n = quotas.size();
        Long[] tenants = new Long[n];
        Long[] ownerIds = new Long[n];
        String[] customers = new String[n];
        Integer[] held = new Integer[n];
        Integer[] max = new Integer[n];
        int k = 0;
        for (var e : quotas.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            tenants[k] = owners.get(e.getKey()).ledger().tenantId;
            ownerIds[k] = Long.parseLong(parts[0]);
            customers[k] = parts[1];
            held[k] = e.getValue()[0];
            max[k] = e.getValue()[1];
            k++;
        }
        try (PreparedStatement ps = con.prepareStatement("insert into " + table + " (tenant_id, " + ownerColumn
                + ", customer_id, held, max_held)"
                + " select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::int[])"
                + " on conflict (" + ownerColumn + ", customer_id) do update set held = " + table
                + ".held + excluded.held, max_held = excluded.max_held")) {
            ps.setArray(1, con.createArrayOf("bigint", tenants));
            ps.setArray(2, con.createArrayOf("bigint", ownerIds));
            ps.setArray(3, con.createArrayOf("text", customers));
            ps.setArray(4, con.createArrayOf("int4", held));
            ps.setArray(5, con.createArrayOf("int4", max));
            ps.executeUpdate();
        }
    }

    /** Hands out the first id of a block of 1000 reservation ids. */
    long nextIdBlock() {
        return jdbc.sql("select nextval('flashsale_reservation_id_seq')")
                .query(Long.class)
                .single();
    }

    Optional<ReservationView> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS
                        + " from flashsale_reservation r join flashsale_item i on i.id = r.item_id"
                        + " where r.tenant_id = ? and r.id = ?")
                .params(tenantId, id)
                .query(ReservationRows::view)
                .optional();
    }

    Optional<ReservationView> findByKey(long tenantId, String key) {
        return jdbc.sql("select " + COLUMNS
                        + " from flashsale_reservation r join flashsale_item i on i.id = r.item_id"
                        + " where r.tenant_id = ? and r.request_key = ?")
                .params(tenantId, key)
                .query(ReservationRows::view)
                .optional();
    }

    /** Reservations of a session, newest first, filtered by status and customer when given. */
    List<ReservationView> list(
            long tenantId, long sessionId, ReservationStatus status, String customerId, int limit, long afterId) {
        return jdbc.sql("select " + COLUMNS + """
                         from flashsale_reservation r join flashsale_item i on i.id = r.item_id
                        where r.tenant_id = ? and r.session_id = ? and r.id < ?
                          and (cast(? as text) is null or r.status = ?)
                          and (cast(? as text) is null or r.customer_id = ?)
                        order by r.id desc limit ?""")
                .params(
                        tenantId,
                        sessionId,
                        afterId,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        customerId,
                        customerId,
                        limit)
                .query(ReservationRows::view)
                .list();
    }

    /** A reservation locked for a transition. */
    record Locked(
            long id,
            long tenantId,
            long sessionId,
            long itemId,
            String customerId,
            int quantity,
            ReservationStatus status,
            String orderId,
            Instant expiresAt) {}

    Optional<Locked> lock(long tenantId, long sessionId, long itemId, long id) {
        return jdbc.sql("""
                        select id, tenant_id, session_id, item_id, customer_id, quantity, status, order_id, expires_at
                          from flashsale_reservation
                         where tenant_id = ? and session_id = ? and item_id = ? and id = ? for update""")
                .params(tenantId, sessionId, itemId, id)
                .query(ReservationRows::locked)
                .optional();
    }

    /** RESERVED reservations of an order, locked. */
    List<Locked> lockReservedOfOrder(long tenantId, String orderId) {
        return jdbc.sql("""
                        select id, tenant_id, session_id, item_id, customer_id, quantity, status, order_id, expires_at
                          from flashsale_reservation
                         where tenant_id = ? and order_id = ? and status = 'RESERVED' order by id for update""")
                .params(tenantId, orderId)
                .query(ReservationRows::locked)
                .list();
    }

    /** Up to {@code limit} reservations due to expire, locked, skipping those another node is handling. */
    List<Locked> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id, tenant_id, session_id, item_id, customer_id, quantity, status, order_id, expires_at
                          from flashsale_reservation
                         where status = 'RESERVED' and expires_at <= ?
                         order by expires_at limit ? for update skip locked""")
                .params(ts(now), limit)
                .query(ReservationRows::locked)
                .list();
    }

    /** RESERVED → CONFIRMED: the units move from reserved to sold; the customer keeps holding them. */
    void confirm(Locked r, String orderId, Instant now) {
        jdbc.sql("""
                        update flashsale_reservation
                           set status = 'CONFIRMED', order_id = coalesce(?, order_id), confirmed_at = ?, updated_at = ?
                         where id = ? and status = 'RESERVED'""").params(orderId, ts(now), ts(now), r.id()).update();
        jdbc.sql("update flashsale_item set reserved = reserved - ?, sold = sold + ? where id = ?")
                .params(r.quantity(), r.quantity(), r.itemId())
                .update();
    }

    /**
     * RESERVED → CANCELLED or EXPIRED: the customer's units are released and the stock goes back to
     * this node's lease when {@code toLease}, otherwise to the unleased stock.
     */
    void release(Locked r, ReservationStatus to, String reason, Instant now, boolean toLease, String nodeId) {
        jdbc.sql("""
                        update flashsale_reservation
                           set status = ?, ended_at = ?, ended_reason = ?, updated_at = ?
                         where id = ? and status = 'RESERVED'""").params(to.name(), ts(now), reason, ts(now), r.id()).update();
        jdbc.sql("update flashsale_item_quota set held = held - ? where item_id = ? and customer_id = ?")
                .params(r.quantity(), r.itemId(), r.customerId())
                .update();
        jdbc.sql("update flashsale_session_quota set held = held - ? where session_id = ? and customer_id = ?")
                .params(r.quantity(), r.sessionId(), r.customerId())
                .update();
        boolean leased = toLease
                && jdbc.sql("""
                                        update flashsale_item set reserved = reserved - ?, leased = leased + ?
                                         where id = ? and exists (select 1 from flashsale_stock_lease
                                                                   where item_id = ? and node_id = ?)""")
                                .params(r.quantity(), r.quantity(), r.itemId(), r.itemId(), nodeId)
                                .update()
                        == 1;
        if (leased) {
            jdbc.sql("update flashsale_stock_lease set amount = amount + ? where item_id = ? and node_id = ?")
                    .params(r.quantity(), r.itemId(), nodeId)
                    .update();
        } else {
            jdbc.sql("update flashsale_item set reserved = reserved - ? where id = ?")
                    .params(r.quantity(), r.itemId())
                    .update();
        }
    }

    /** Units each customer holds of each item of a session, for rebuilding memory. */
    List<Held> itemHoldings(long sessionId) {
        return jdbc.sql("""
                        select q.item_id, q.customer_id, q.held from flashsale_item_quota q
                          join flashsale_item i on i.id = q.item_id
                         where i.session_id = ? and q.held > 0""")
                .param(sessionId)
                .query((rs, k) -> new Held(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    List<Held> sessionHoldings(long sessionId) {
        return jdbc.sql(
                        "select session_id, customer_id, held from flashsale_session_quota where session_id = ? and held > 0")
                .param(sessionId)
                .query((rs, k) -> new Held(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** Idempotency keys of a session's reservations with the request each was made with. */
    List<KeyRow> keys(long sessionId) {
        return jdbc.sql("""
                        select request_key, id, item_id, customer_id, quantity, order_id from flashsale_reservation
                         where session_id = ? and request_key is not null""")
                .param(sessionId)
                .query((rs, k) -> new KeyRow(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6)))
                .list();
    }

    record Held(long ownerId, String customerId, int held) {}

    record KeyRow(String key, long id, long itemId, String customerId, int quantity, String orderId) {}

    private static Locked locked(ResultSet rs, int n) throws SQLException {
        return new Locked(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getInt(6),
                ReservationStatus.valueOf(rs.getString(7)),
                rs.getString(8),
                instant(rs, "expires_at"));
    }

    private static ReservationView view(ResultSet rs, int n) throws SQLException {
        return new ReservationView(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("item_id"),
                rs.getString("sku"),
                rs.getString("customer_id"),
                rs.getInt("quantity"),
                rs.getLong("flash_price"),
                ReservationStatus.valueOf(rs.getString("status")),
                rs.getString("order_id"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "confirmed_at"),
                instant(rs, "ended_at"),
                rs.getString("ended_reason"));
    }
}
