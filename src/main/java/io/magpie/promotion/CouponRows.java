package io.magpie.promotion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads coupons and moves them between states with conditional updates, so two orders can never lock
 * the same coupon and a replayed transition changes nothing.
 */
@Repository
class CouponRows {

    private static final String COLUMNS = """
            id, campaign_id, customer_id, code, source, state, valid_from, expires_at, order_id, issued_at""";

    private final JdbcClient jdbc;

    CouponRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HeldCoupon> find(long tenantId, long couponId) {
        return jdbc.sql("select " + COLUMNS + " from promotion_coupon where tenant_id = ? and id = ?")
                .params(tenantId, couponId)
                .query(CouponRows::map)
                .optional();
    }

    /** The coupon a code was redeemed into (codes are stored upper-case). */
    Optional<HeldCoupon> findByCode(long tenantId, String code) {
        return jdbc.sql("select " + COLUMNS + " from promotion_coupon where tenant_id = ? and code = upper(?)")
                .params(tenantId, code)
                .query(CouponRows::map)
                .optional();
    }

    /** The customer's coupons in the given states, soonest expiring first. */
    List<HeldCoupon> ofCustomer(long tenantId, String customerId, List<CouponState> states) {
        return jdbc.sql("select " + COLUMNS + """
                         from promotion_coupon where tenant_id = ? and customer_id = ? and state = any(?)
                        order by expires_at, id""")
                .params(tenantId, customerId, states.stream().map(Enum::name).toArray(String[]::new))
                .query(CouponRows::map)
                .list();
    }

    List<HeldCoupon> ofOrder(long tenantId, String orderId) {
        return jdbc.sql("select " + COLUMNS + " from promotion_coupon where tenant_id = ? and order_id = ? order by id")
                .params(tenantId, orderId)
                .query(CouponRows::map)
                .list();
    }

    /**
     * Locks an available, valid coupon of {@code customerId} to {@code orderId}; true also when this order
     * already holds it (a replay). False: someone else's, used, expired or not valid at {@code at}.
     */
    boolean lock(long tenantId, long couponId, String customerId, String orderId, Instant at) {
        int locked = jdbc.sql("""
                        update promotion_coupon set state = 'LOCKED', order_id = ?, updated_at = ?
                        where tenant_id = ? and id = ? and customer_id = ? and state = 'AVAILABLE'
                          and valid_from <= ? and expires_at > ?""")
                .params(orderId, ts(at), tenantId, couponId, customerId, ts(at), ts(at))
                .update();
        if (locked == 1) {
            return true;
        }
        return jdbc.sql("""
                        select exists (select 1 from promotion_coupon where tenant_id = ? and id = ?
                          and order_id = ? and state in ('LOCKED', 'REDEEMED'))""")
                .params(tenantId, couponId, orderId)
                .query(Boolean.class)
                .single();
    }

    /** LOCKED → REDEEMED for the order's coupons; returns the coupons that changed. */
    List<HeldCoupon> redeem(long tenantId, String orderId, Instant at) {
        return jdbc.sql("update promotion_coupon set state = 'REDEEMED', updated_at = ? "
                        + "where tenant_id = ? and order_id = ? and state = 'LOCKED' returning " + COLUMNS)
                .params(ts(at), tenantId, orderId)
                .query(CouponRows::map)
                .list();
    }

    /**
     * Gives the order's LOCKED (or, on a full refund with REVERT, REDEEMED) coupons back: AVAILABLE again,
     * or EXPIRED when their validity ended meanwhile. Returns the coupons that changed.
     */
    List<HeldCoupon> release(long tenantId, String orderId, List<CouponState> from, Instant at) {
        return jdbc.sql("""
                        update promotion_coupon set order_id = null, updated_at = ?,
                          state = case when expires_at <= ? then 'EXPIRED' else 'AVAILABLE' end
                        where tenant_id = ? and order_id = ? and state = any(?)
                        returning\s""" + COLUMNS)
                .params(
                        ts(at),
                        ts(at),
                        tenantId,
                        orderId,
                        from.stream().map(Enum::name).toArray(String[]::new))
                .query(CouponRows::map)
                .list();
    }

    /**
     * Gives one coupon of the order back (see {@link #release(long, String, List, Instant)}): used when
     * only one promotion of the order is reverted. Empty when it was not in one of the states {@code from}.
     */
    Optional<HeldCoupon> releaseOne(long tenantId, long couponId, String orderId, List<CouponState> from, Instant at) {
        return jdbc.sql("""
                        update promotion_coupon set order_id = null, updated_at = ?,
                          state = case when expires_at <= ? then 'EXPIRED' else 'AVAILABLE' end
                        where tenant_id = ? and id = ? and order_id = ? and state = any(?)
                        returning\s""" + COLUMNS)
                .params(
                        ts(at),
                        ts(at),
                        tenantId,
                        couponId,
                        orderId,
                        from.stream().map(Enum::name).toArray(String[]::new))
                .query(CouponRows::map)
                .optional();
    }

    static HeldCoupon map(ResultSet rs, int n) throws SQLException {
        return new HeldCoupon(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("customer_id"),
                rs.getString("code"),
                CouponSource.valueOf(rs.getString("source")),
                CouponState.valueOf(rs.getString("state")),
                rs.getTimestamp("valid_from").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getString("order_id"),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
