package io.magpie.promotion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads coupon templates (COUPON campaigns) and how their coupons are used. */
@Repository
class CouponTemplateRows {

    private final JdbcClient jdbc;

    CouponTemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's coupon templates, newest first, at most {@code limit}, not archived unless asked. */
    List<Campaign> list(long tenantId, int limit) {
        return jdbc.sql("select " + CampaignRows.COLUMNS + """
                         from promotion_campaign c where c.tenant_id = ? and c.kind = 'COUPON'
                        order by c.id desc limit ?""")
                .params(tenantId, limit)
                .query(CampaignRows::map)
                .list();
    }

    /** Coupons per template and state: template id → state → count. */
    Map<Long, Map<CouponState, Long>> usage(long tenantId, List<Long> templateIds) {
        Map<Long, Map<CouponState, Long>> usage = new HashMap<>();
        if (templateIds.isEmpty()) {
            return usage;
        }
        jdbc.sql("""
                        select campaign_id, state, count(*) from promotion_coupon
                        where tenant_id = ? and campaign_id = any(?) and state in ('LOCKED', 'REDEEMED')
                        group by campaign_id, state""")
                .params(tenantId, templateIds.toArray(Long[]::new))
                .query((rs, n) -> usage.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(CouponState.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        return usage;
    }
}
