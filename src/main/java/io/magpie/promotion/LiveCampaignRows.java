package io.magpie.promotion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads cart evaluation needs in bulk: limits of many campaigns, audience lists, counters. */
@Repository
class LiveCampaignRows {

    private final JdbcClient jdbc;

    LiveCampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The limits of the given campaigns, by campaign id, in limit id order. */
    Map<Long, List<LimitDefinition>> limits(long tenantId, Collection<Long> campaignIds) {
        Map<Long, List<LimitDefinition>> result = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select cl.campaign_id, l.id, l.measure, l.per, l.period, l.max_amount
                          from promotion_campaign_limit cl
                          join promotion_limit l on l.tenant_id = cl.tenant_id and l.id = cl.limit_id
                         where cl.tenant_id = ? and cl.campaign_id = any(?) order by cl.campaign_id, l.id""").params(tenantId, campaignIds.toArray(Long[]::new)).query(rs -> {
            result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new LimitDefinition(
                            rs.getLong(2),
                            LimitMeasure.valueOf(rs.getString(3)),
                            LimitScope.valueOf(rs.getString(4)),
                            LimitPeriod.valueOf(rs.getString(5)),
                            rs.getLong(6)));
        });
        return result;
    }

    /** Which of the campaigns list {@code customerId} in their explicit audience. */
    Set<Long> audienceListsWith(long tenantId, Collection<Long> campaignIds, String customerId) {
        Set<Long> result = new HashSet<>();
        if (campaignIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select campaign_id from promotion_audience_customer
                         where tenant_id = ? and customer_id = ? and campaign_id = any(?)""")
                .params(tenantId, customerId, campaignIds.toArray(Long[]::new))
                .query(rs -> {
                    result.add(rs.getLong(1));
                });
        return result;
    }

    /** A counter of a limit: the limit, whose usage (subject) and the period it counts. */
    record CounterKey(long limitId, String subject, LocalDate periodStart) {}

    /** What is used on each counter (absent = nothing counted yet). Read only. */
    Map<CounterKey, Long> used(long tenantId, Collection<CounterKey> keys) {
        Map<CounterKey, Long> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        int n = keys.size();
        Long[] limits = new Long[n];
        String[] subjects = new String[n];
        String[] periods = new String[n];
        int i = 0;
        for (CounterKey k : keys) {
            limits[i] = k.limitId();
            subjects[i] = k.subject();
            periods[i] = k.periodStart().toString();
            i++;
        }
        jdbc.sql("""
                        select c.limit_id, c.subject, c.period_start, c.used from promotion_limit_counter c
                          join unnest(?::bigint[], ?::text[], ?::date[]) as k(limit_id, subject, period_start)
                            on c.limit_id = k.limit_id and c.subject = k.subject and c.period_start = k.period_start
                         where c.tenant_id = ?""").params(limits, subjects, periods, tenantId).query(rs -> {
            result.put(
                    new CounterKey(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()), rs.getLong(4));
        });
        return result;
    }
}
