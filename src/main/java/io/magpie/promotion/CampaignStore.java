package io.magpie.promotion;

import io.magpie.platform.CursorPage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign queries the campaigns service needs beyond {@link CampaignRows}: the filtered list, limit links. */
@Repository
class CampaignStore {

    private final JdbcClient jdbc;

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** List filters; null means any. {@code state} is the shown state at {@code at}. */
    record Filter(CampaignState state, CampaignKind kind, String ruleType, String q) {}

    /** Newest first, {@code limit + 1} rows after the cursor id. */
    CursorPage<Campaign> list(long tenantId, Filter f, Instant at, int limit, String cursor) {
        var sql = new StringBuilder("select " + CampaignRows.COLUMNS + " from promotion_campaign c ")
                .append("where c.tenant_id = ? and c.id < ?");
        var params = new ArrayList<Object>(List.of(tenantId, CursorPage.after(cursor)));
        Timestamp now = Timestamp.from(at);
        if (f.state() != null) {
            switch (f.state()) {
                case DRAFT, PAUSED, ARCHIVED -> {
                    sql.append(" and c.status = ?");
                    params.add(f.state().name());
                }
                case SCHEDULED -> {
                    sql.append(" and c.status = 'ACTIVE' and c.starts_at > ?");
                    params.add(now);
                }
                case RUNNING -> {
                    sql.append(" and c.status = 'ACTIVE' and (c.starts_at is null or c.starts_at <= ?)"
                            + " and (c.ends_at is null or c.ends_at > ?)");
                    params.add(now);
                    params.add(now);
                }
                case ENDED -> {
                    sql.append(" and (c.status = 'ENDED' or (c.status = 'ACTIVE' and c.ends_at <= ?))");
                    params.add(now);
                }
            }
        }
        if (f.kind() != null) {
            sql.append(" and c.kind = ?");
            params.add(f.kind().name());
        }
        if (f.ruleType() != null) {
            sql.append(" and c.rule_type = ?");
            params.add(f.ruleType());
        }
        if (f.q() != null) {
            sql.append(" and c.name ilike ?");
            params.add("%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by c.id desc limit ?");
        params.add(limit + 1);
        List<Campaign> rows =
                jdbc.sql(sql.toString()).params(params).query(CampaignRows::map).list();
        return CursorPage.of(rows, limit, Campaign::id);
    }

    int audienceCount(long tenantId, long campaignId) {
        return jdbc.sql("select count(*) from promotion_audience_customer where tenant_id = ? and campaign_id = ?")
                .params(tenantId, campaignId)
                .query(Integer.class)
                .single();
    }

    /** Sets a linked limit's maximum (raising a budget keeps its counters). */
    void changeMax(long tenantId, long limitId, long max) {
        jdbc.sql("update promotion_limit set max_amount = ? where tenant_id = ? and id = ?")
                .params(max, tenantId, limitId)
                .update();
    }

    /** Detaches a limit from a draft; the definition row stays (counters may refer to it). */
    void unlink(long tenantId, long campaignId, long limitId) {
        jdbc.sql("delete from promotion_campaign_limit where tenant_id = ? and campaign_id = ? and limit_id = ?")
                .params(tenantId, campaignId, limitId)
                .update();
    }
}
