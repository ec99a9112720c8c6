package io.magpie.flashsale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sessions and items in PostgreSQL; every query filters by tenant. */
@Component
class FlashSaleRows {

    private final JdbcClient jdbc;

    FlashSaleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session row without its items. */
    record Session(
            long id,
            long tenantId,
            String name,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            Instant preheatAt,
            Integer perCustomerLimit,
            boolean purchaseTokenRequired,
            String tokenSecret,
            SessionStatus status,
            int version,
            Instant createdAt,
            Instant updatedAt) {}

    /** An item row. */
    record Item(
            long id,
            long sessionId,
            String sku,
            String name,
            Long originalPrice,
            long flashPrice,
            int stock,
            int perCustomerLimit,
            int position,
            int reserved,
            int sold,
            int leased) {}

    static final String SESSION_COLUMNS = """
            id, tenant_id, name, starts_at, ends_at, time_zone, preheat_at, per_customer_limit,
            purchase_token_required, token_secret, status, version, created_at, updated_at""";
    static final String ITEM_COLUMNS = """
            id, session_id, sku, name, original_price, flash_price, stock, per_customer_limit, position, reserved,
            sold, leased""";

    long insertSession(long tenantId, Session s, Instant now) {
        return jdbc.sql("""
                        insert into flashsale_session (tenant_id, name, starts_at, ends_at, time_zone, preheat_at,
                               per_customer_limit, purchase_token_required, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
                .params(
                        tenantId,
                        s.name(),
                        ts(s.startsAt()),
                        ts(s.endsAt()),
                        s.timeZone(),
                        ts(s.preheatAt()),
                        s.perCustomerLimit(),
                        s.purchaseTokenRequired(),
                        ts(now),
                        ts(now))
                .query(Long.class)
                .single();
    }

    void updateSession(long tenantId, Session s, Instant now) {
        jdbc.sql("""
                        update flashsale_session
                           set name = ?, starts_at = ?, ends_at = ?, time_zone = ?, preheat_at = ?,
                               per_customer_limit = ?, purchase_token_required = ?, version = version + 1,
                               updated_at = ?
                         where tenant_id = ? and id = ?""")
                .params(
                        s.name(),
                        ts(s.startsAt()),
                        ts(s.endsAt()),
                        s.timeZone(),
                        ts(s.preheatAt()),
                        s.perCustomerLimit(),
                        s.purchaseTokenRequired(),
                        ts(now),
                        tenantId,
                        s.id())
                .update();
    }

    /** Moves a session to {@code to} only from {@code from}; false when it was not in {@code from}. */
    boolean transition(long tenantId, long id, SessionStatus from, SessionStatus to, Instant now) {
        return jdbc.sql("""
                        update flashsale_session set status = ?, version = version + 1, updated_at = ?
                         where tenant_id = ? and id = ? and status = ?""")
                        .params(to.name(), ts(now), tenantId, id, from.name())
                        .update()
                == 1;
    }

    void touchSession(long tenantId, long id, Instant now) {
        jdbc.sql("update flashsale_session set version = version + 1, updated_at = ? where tenant_id = ? and id = ?")
                .params(ts(now), tenantId, id)
                .update();
    }

    Optional<Session> session(long tenantId, long id) {
        return session(tenantId, id, "");
    }

    /** Locks the session row for a change that must not race another one. */
    Optional<Session> sessionForUpdate(long tenantId, long id) {
        return session(tenantId, id, " for update");
    }

    private Optional<Session> session(long tenantId, long id, String lock) {
        return jdbc.sql("select " + SESSION_COLUMNS + " from flashsale_session where tenant_id = ? and id = ?" + lock)
                .params(tenantId, id)
                .query(FlashSaleRows::session)
                .optional();
    }

    List<Session> sessions(long tenantId, SessionStatus status, int limit, long afterId) {
        return jdbc.sql("select " + SESSION_COLUMNS + """
                         from flashsale_session
                        where tenant_id = ? and id < ? and (cast(? as text) is null or status = ?)
                        order by id desc limit ?""")
                .params(
                        tenantId,
                        afterId,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        limit)
                .query(FlashSaleRows::session)
                .list();
    }

    /** Published sessions of every tenant that have not ended by {@code now}: what shoppers may see. */
    List<Session> live(Instant now) {
        return jdbc.sql("select " + SESSION_COLUMNS
                        + " from flashsale_session where status = 'PUBLISHED' and ends_at > ? order by starts_at, id")
                .param(ts(now))
                .query(FlashSaleRows::session)
                .list();
    }

    List<Item> items(long tenantId, long sessionId) {
        return jdbc.sql("select " + ITEM_COLUMNS
                        + " from flashsale_item where tenant_id = ? and session_id = ? order by position, id")
                .params(tenantId, sessionId)
                .query(FlashSaleRows::item)
                .list();
    }

    Optional<Item> item(long tenantId, long sessionId, long itemId) {
        return jdbc.sql("select " + ITEM_COLUMNS
                        + " from flashsale_item where tenant_id = ? and session_id = ? and id = ?")
                .params(tenantId, sessionId, itemId)
                .query(FlashSaleRows::item)
                .optional();
    }

    boolean skuTaken(long sessionId, String sku, long exceptItemId) {
        return jdbc.sql("select count(*) from flashsale_item where session_id = ? and sku = ? and id <> ?")
                        .params(sessionId, sku, exceptItemId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertItem(long tenantId, long sessionId, Item i, Instant now) {
        return jdbc.sql("""
                        insert into flashsale_item (tenant_id, session_id, sku, name, original_price, flash_price, stock,
                               per_customer_limit, position, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenantId,
                        sessionId,
                        i.sku(),
                        i.name(),
                        i.originalPrice(),
                        i.flashPrice(),
                        i.stock(),
                        i.perCustomerLimit(),
                        i.position(),
                        ts(now),
                        ts(now))
                .query(Long.class)
                .single();
    }

    /**
     * Rewrites an item before its sale starts. Leases of it are given up (nothing was sold from them),
     * so every node re-reads the new stock when it rebuilds the session.
     */
    void updateItem(long tenantId, Item i, Instant now) {
        jdbc.sql("delete from flashsale_stock_lease where tenant_id = ? and item_id = ?")
                .params(tenantId, i.id())
                .update();
        jdbc.sql("""
                        update flashsale_item
                           set sku = ?, name = ?, original_price = ?, flash_price = ?, stock = ?, per_customer_limit = ?,
                               position = ?, leased = 0, updated_at = ?
                         where tenant_id = ? and id = ?""")
                .params(
                        i.sku(),
                        i.name(),
                        i.originalPrice(),
                        i.flashPrice(),
                        i.stock(),
                        i.perCustomerLimit(),
                        i.position(),
                        ts(now),
                        tenantId,
                        i.id())
                .update();
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("name"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("time_zone"),
                instant(rs, "preheat_at"),
                (Integer) rs.getObject("per_customer_limit"),
                rs.getBoolean("purchase_token_required"),
                rs.getString("token_secret"),
                SessionStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getString("sku"),
                rs.getString("name"),
                (Long) rs.getObject("original_price"),
                rs.getLong("flash_price"),
                rs.getInt("stock"),
                rs.getInt("per_customer_limit"),
                rs.getInt("position"),
                rs.getInt("reserved"),
                rs.getInt("sold"),
                rs.getInt("leased"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
