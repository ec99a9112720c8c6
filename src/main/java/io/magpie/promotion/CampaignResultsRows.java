package io.magpie.promotion;

import io.magpie.promotion.CampaignResultsView.Day;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries behind campaign results: per local day of the order, paid redemptions only. */
@Repository
class CampaignResultsRows {

    static final String PAID = "('COMMITTED', 'PARTIALLY_ROLLED_BACK', 'ROLLED_BACK', 'REVERTED')";

    /** Sums of one day. */
    record DayRow(
            LocalDate date, long orders, long redemptions, long discount, long refunded, long clawback, long gmv) {}

    /** Orders in other states. */
    record Pending(long pendingOrders, long pendingDiscount, long releasedOrders) {}

    /** A campaign in the console's list. */
    record Listed(long id, String name, CampaignKind kind, CampaignStatus status) {}

    private final JdbcClient jdbc;

    CampaignResultsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Days with paid orders between {@code from} (inclusive) and {@code to} (exclusive). */
    Map<LocalDate, DayRow> days(long tenantId, long campaignId, Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, DayRow> days = new TreeMap<>();
        jdbc.sql("""
                        with r as (
                          select r.order_id, (r.ordered_at at time zone :zone)::date as day, r.discount + r.freight_discount
                            as discount, r.refunded, r.clawback
                          from promotion_redemption r
                          where r.tenant_id = :tenant and r.campaign_id = :campaign and r.status in """ + PAID + """
                            and r.ordered_at >= :from and r.ordered_at < :to),
                        o as (
                          select d.day, sum(o.total) as gmv from (select distinct order_id, day from r) d
                          join promotion_order o on o.tenant_id = :tenant and o.order_id = d.order_id
                          group by d.day)
                        select r.day, count(distinct r.order_id), count(*), sum(r.discount), sum(r.refunded),
                          sum(r.clawback), coalesce(max(o.gmv), 0)
                        from r left join o on o.day = r.day group by r.day order by r.day""")
                .param("zone", zone.getId())
                .param("tenant", tenantId)
                .param("campaign", campaignId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new DayRow(
                        rs.getDate(1).toLocalDate(),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list()
                .forEach(d -> days.put(d.date(), d));
        return days;
    }

    Pending pending(long tenantId, long campaignId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(distinct order_id) filter (where status = 'RESERVED'),
                          coalesce(sum(discount + freight_discount) filter (where status = 'RESERVED'), 0),
                          count(distinct order_id) filter (where status = 'RELEASED')
                        from promotion_redemption
                        where tenant_id = ? and campaign_id = ? and ordered_at >= ? and ordered_at < ?""")
                .params(tenantId, campaignId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Coupons of the template issued in the period, and in all. */
    long[] couponsIssued(long tenantId, long campaignId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) filter (where issued_at >= ? and issued_at < ?), count(*)
                        from promotion_coupon where tenant_id = ? and campaign_id = ?""")
                .params(Timestamp.from(from), Timestamp.from(to), tenantId, campaignId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    long couponsRedeemed(long tenantId, long campaignId, Instant from, Instant to) {
        return jdbc.sql("select count(*) from promotion_redemption where tenant_id = ? and campaign_id = ?"
                        + " and coupon_id is not null and status in " + PAID
                        + " and ordered_at >= ? and ordered_at < ?")
                .params(tenantId, campaignId, Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    /** The tenant's campaigns, newest first, at most {@code limit}. */
    List<Listed> list(long tenantId, int limit) {
        return jdbc.sql("""
                        select id, name, kind, status from promotion_campaign where tenant_id = ?
                        order by id desc limit ?""")
                .params(tenantId, limit)
                .query((rs, n) -> new Listed(
                        rs.getLong(1),
                        rs.getString(2),
                        CampaignKind.valueOf(rs.getString(3)),
                        CampaignStatus.valueOf(rs.getString(4))))
                .list();
    }

    static Day day(DayRow d) {
        return new Day(d.date(), d.orders(), d.redemptions(), d.discount() - d.refunded() - d.clawback(), d.gmv());
    }
}
