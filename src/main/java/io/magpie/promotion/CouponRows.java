package io.magpie.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads coupons and moves them between states with conditional updates, so two orders can never lock
 * the same coupon and a replayed transition changes nothing.
 */
@Repository
class CouponRows {

    private static final String COLUMNS = """
            id, campaign_id, customer_id, code, source, state, valid_from, expires_at, order_id, issued_at""";

    /** How long this node answers a customer's usable coupons from memory (see {@link #usableOfCustomer}). */
    static final Duration USABLE_TTL = Duration.ofSeconds(2);

    private final JdbcClient jdbc;

    /** (tenant, customer) → AVAILABLE coupons; every write through this class forgets the customers it touches. */
    private final Cache<CustomerKey, List<HeldCoupon>> usable = Caffeine.newBuilder()
            .expireAfterWrite(USABLE_TTL)
            .maximumSize(20_000)
            .build();

    private record CustomerKey(long tenantId, String customerId) {}

    /** Tenant → whether any coupon of it is AVAILABLE: most tenants run automatic promotions only. */
    private final Cache<Long, Boolean> anyUsable = Caffeine.newBuilder()
            .expireAfterWrite(USABLE_TTL)
            .maximumSize(10_000)
            .build();

    CouponRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The customer's AVAILABLE coupons (soonest expiring first), for cart evaluation: cached on this node for
     * at most {@link #USABLE_TTL}. Writes through this class (issue, claim, lock, redeem, release, expiry)
     * forget the touched customers at once and again when their transaction ends, so this node never
     * answers from before its own writes; another node's writes show within the TTL. Evaluation is advisory:
     * order creation locks the coupons with conditional updates.
     */
    List<HeldCoupon> usableOfCustomer(long tenantId, String customerId) {
        if (!anyUsable.get(tenantId, this::anyAvailable)) {
            return List.of();
        }
        return usable.get(
                new CustomerKey(tenantId, customerId),
                k -> List.copyOf(ofCustomer(tenantId, customerId, List.of(CouponState.AVAILABLE))));
    }

    private boolean anyAvailable(long tenantId) {
        return jdbc.sql("select exists (select 1 from promotion_coupon where tenant_id = ? and state = 'AVAILABLE')")
                .params(tenantId)
                .query(Boolean.class)
                .single();
    }

    private void forget(long tenantId, String customerId) {
        if (customerId == null) {
            return;
        }
        var key = new CustomerKey(tenantId, customerId);
        usable.invalidate(key);
        anyUsable.invalidate(tenantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    usable.invalidate(key);
                    anyUsable.invalidate(tenantId);
                }
            });
        }
    }

    private void forgetEveryone() {
        usable.invalidateAll();
        anyUsable.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    usable.invalidateAll();
                    anyUsable.invalidateAll();
                }
            });
        }
    }

    private <C extends java.util.Collection<HeldCoupon>> C forgetAll(long tenantId, C changed) {
        changed.forEach(c -> forget(tenantId, c.customerId()));
        return changed;
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
        forget(tenantId, customerId);
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
        return forgetAll(
                tenantId,
                jdbc.sql("update promotion_coupon set state = 'REDEEMED', updated_at = ? "
                                + "where tenant_id = ? and order_id = ? and state = 'LOCKED' returning " + COLUMNS)
                        .params(ts(at), tenantId, orderId)
                        .query(CouponRows::map)
                        .list());
    }

    /**
     * Gives the order's LOCKED (or, on a full refund with REVERT, REDEEMED) coupons back: AVAILABLE again,
     * or EXPIRED when their validity ended meanwhile. Returns the coupons that changed.
     */
    List<HeldCoupon> release(long tenantId, String orderId, List<CouponState> from, Instant at) {
        return forgetAll(
                tenantId,
                jdbc.sql("""
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
                        .list());
    }

    /**
     * Gives one coupon of the order back (see {@link #release(long, String, List, Instant)}): used when
     * only one promotion of the order is reverted. Empty when it was not in one of the states {@code from}.
     */
    Optional<HeldCoupon> releaseOne(long tenantId, long couponId, String orderId, List<CouponState> from, Instant at) {
        Optional<HeldCoupon> changed = jdbc.sql("""
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
        changed.ifPresent(c -> forget(tenantId, c.customerId()));
        return changed;
    }

    /** A coupon to write: who gets which template's coupon, from where, valid when. */
    record NewCoupon(
            long tenantId,
            long campaignId,
            String customerId,
            String code,
            CouponSource source,
            Instant validFrom,
            Instant expiresAt,
            Instant issuedAt,
            String requestId) {}

    /**
     * Inserts the customer's next coupon of the template with claim_no = their highest + 1, only while that stays
     * within {@code perCustomer}; returns its id, or empty when the customer has reached the limit. Two concurrent
     * claims computing the same claim_no collide on the unique (tenant, campaign, customer, claim_no): the loser
     * gets a {@code DuplicateKeyException} and retries.
     */
    Optional<Long> insertNext(NewCoupon c, int perCustomer) {
        forget(c.tenantId(), c.customerId());
        var p = new java.util.LinkedHashMap<String, Object>();
        p.put("tenant", c.tenantId());
        p.put("campaign", c.campaignId());
        p.put("customer", c.customerId());
        p.put("code", c.code());
        p.put("source", c.source().name());
        p.put("from", ts(c.validFrom()));
        p.put("until", ts(c.expiresAt()));
        p.put("now", ts(c.issuedAt()));
        p.put("requestId", c.requestId());
        p.put("per", perCustomer);
        return jdbc.sql("""
                        insert into promotion_coupon (tenant_id, campaign_id, customer_id, code, source, state, valid_from,
                          expires_at, claim_no, issued_at, updated_at, request_id)
                        select :tenant, :campaign, :customer, :code, :source, 'AVAILABLE', :from, :until,
                          coalesce(max(claim_no), 0) + 1, :now, :now, :requestId
                        from promotion_coupon where tenant_id = :tenant and campaign_id = :campaign and customer_id = :customer
                        having coalesce(max(claim_no), 0) < :per
                        returning id""").params(p).query(Long.class).optional();
    }

    /**
     * Set-based issue for many customers: each listed customer still under {@code perCustomer} gets one coupon,
     * in list order, at most {@code max} coupons in all. Returns customer id → coupon id of those issued. A
     * concurrent claim that took the same claim_no makes that customer's row skip (reported as limit reached).
     */
    Map<String, Long> insertEach(
            long tenantId,
            long campaignId,
            List<String> customerIds,
            CouponSource source,
            Instant validFrom,
            Instant expiresAt,
            Instant now,
            int perCustomer,
            int max) {
        if (customerIds.isEmpty() || max <= 0) {
            return Map.of();
        }
        if (customerIds.size() > 100) {
            forgetEveryone();
        } else {
            customerIds.forEach(customer -> forget(tenantId, customer));
        }
        var issued = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("""
                        insert into promotion_coupon (tenant_id, campaign_id, customer_id, source, state, valid_from,
                          expires_at, claim_no, issued_at, updated_at)
                        select ?, ?, r.customer_id, ?, 'AVAILABLE', ?, ?, coalesce(h.max_no, 0) + 1, ?, ?
                        from unnest(?::text[]) with ordinality as r(customer_id, ord)
                        left join (select customer_id, max(claim_no) as max_no from promotion_coupon
                                   where tenant_id = ? and campaign_id = ? and customer_id = any(?::text[])
                                   group by customer_id) h on h.customer_id = r.customer_id
                        where coalesce(h.max_no, 0) < ?
                        order by r.ord
                        limit ?
                        on conflict (tenant_id, campaign_id, customer_id, claim_no) do nothing
                        returning customer_id, id""")
                .params(
                        tenantId,
                        campaignId,
                        source.name(),
                        ts(validFrom),
                        ts(expiresAt),
                        ts(now),
                        ts(now),
                        customerIds.toArray(String[]::new),
                        tenantId,
                        campaignId,
                        customerIds.toArray(String[]::new),
                        perCustomer,
                        max)
                .query((rs, n) -> issued.put(rs.getString(1), rs.getLong(2)))
                .list();
        return issued;
    }

    Optional<HeldCoupon> findByRequestId(long tenantId, String requestId) {
        return jdbc.sql("select " + COLUMNS + " from promotion_coupon where tenant_id = ? and request_id = ?")
                .params(tenantId, requestId)
                .query(CouponRows::map)
                .optional();
    }

    /** How many coupons of each template the customer has ever received (any state). */
    Map<Long, Integer> receivedByTemplate(long tenantId, String customerId) {
        var counts = new java.util.HashMap<Long, Integer>();
        jdbc.sql("""
                        select campaign_id, count(*) from promotion_coupon where tenant_id = ? and customer_id = ?
                        group by campaign_id""")
                .params(tenantId, customerId)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return counts;
    }

    int received(long tenantId, long campaignId, String customerId) {
        return jdbc.sql("""
                        select count(*) from promotion_coupon where tenant_id = ? and campaign_id = ? and customer_id = ?""")
                .params(tenantId, campaignId, customerId)
                .query(Integer.class)
                .single();
    }

    /** How many coupons of the template each listed customer has ever received. */
    Map<String, Integer> receivedEach(long tenantId, long campaignId, List<String> customerIds) {
        var counts = new java.util.HashMap<String, Integer>();
        jdbc.sql("""
                        select customer_id, count(*) from promotion_coupon
                        where tenant_id = ? and campaign_id = ? and customer_id = any(?::text[]) group by customer_id""")
                .params(tenantId, campaignId, customerIds.toArray(String[]::new))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }

    /** All coupons of the customer, soonest expiring first. */
    List<HeldCoupon> allOfCustomer(long tenantId, String customerId) {
        return jdbc.sql("select " + COLUMNS
                        + " from promotion_coupon where tenant_id = ? and customer_id = ? order by expires_at, id")
                .params(tenantId, customerId)
                .query(CouponRows::map)
                .list();
    }

    /** A template's coupons, newest first, optionally of one state, before coupon id {@code beforeId}. */
    List<HeldCoupon> ofTemplate(long tenantId, long campaignId, CouponState state, int limit, long beforeId) {
        return jdbc.sql("select " + COLUMNS + """
                         from promotion_coupon where tenant_id = ? and campaign_id = ? and id < ?
                          and (cast(? as text) is null or state = ?)
                        order by id desc limit ?""")
                .params(
                        tenantId,
                        campaignId,
                        beforeId,
                        state == null ? null : state.name(),
                        state == null ? null : state.name(),
                        limit)
                .query(CouponRows::map)
                .list();
    }

    /** Flips up to {@code batch} AVAILABLE coupons past their expiry to EXPIRED (every tenant); returns how many. */
    int expireDue(Instant at, int batch) {
        int expired = jdbc.sql("""
                        update promotion_coupon set state = 'EXPIRED', updated_at = ?
                        where id in (select id from promotion_coupon where state = 'AVAILABLE' and expires_at <= ?
                                     order by expires_at limit ? for update skip locked)
                          and state = 'AVAILABLE'""").params(ts(at), ts(at), batch).update();
        if (expired > 0) {
            forgetEveryone();
        }
        return expired;
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
