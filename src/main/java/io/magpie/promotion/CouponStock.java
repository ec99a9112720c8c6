package io.magpie.promotion;

import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The total limit of a coupon template: {@code issued_count} moves only through one conditional update,
 * so concurrent issuers can never push it past {@code claim_total_limit}.
 */
@Repository
class CouponStock {

    private final JdbcClient jdbc;

    CouponStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts {@code n} more coupons if the total limit allows them; false (nothing counted) when it does not. */
    boolean consume(long tenantId, long templateId, int n) {
        return jdbc.sql("""
                        update promotion_campaign set issued_count = issued_count + ?
                        where tenant_id = ? and id = ? and kind = 'COUPON'
                          and (claim_total_limit is null or issued_count + ? <= claim_total_limit)""").params(n, tenantId, templateId, n).update() == 1;
    }

    /**
     * Locks the template's row for the rest of the transaction and returns how many coupons may still be issued
     * (empty = no total limit). Used by bulk issue to size its set-based insert; the count still moves through
     * {@link #consume}.
     */
    OptionalInt lockRemaining(long tenantId, long templateId) {
        return jdbc.sql("""
                        select claim_total_limit, issued_count from promotion_campaign
                        where tenant_id = ? and id = ? for update""")
                .params(tenantId, templateId)
                .query((rs, n) -> {
                    int limit = rs.getInt(1);
                    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(Math.max(0, limit - rs.getInt(2)));
                })
                .single();
    }
}
