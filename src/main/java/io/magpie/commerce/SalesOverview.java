package io.magpie.commerce;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only sales figures of one tenant for dashboards.
 *
 * <p>Definitions: a <em>sale</em> is an order with status PAID, PARTIALLY_REFUNDED or REFUNDED
 * (paid and not cancelled); it belongs to the period and the day of its {@code ordered_at}. GMV is
 * the sum of the sales' totals (what customers paid, freight included); refunds are the amounts
 * refunded on those sales; net = GMV − refunds; average order value = GMV / sales, rounded
 * half-up to the minor unit. Product and category figures use the line amounts after discounts
 * (no freight); categories are rolled up to their top-level ancestor.
 */
@Service
@Transactional(readOnly = true)
public class SalesOverview {

    static final String SALE_STATUSES = "('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')";

    private final JdbcClient jdbc;

    SalesOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Headline figures of the sales in {@code [from, to)}; counts of products and customers are totals. */
    public record Kpis(
            long products,
            long activeProducts,
            long customers,
            long orders,
            long gmvMinor,
            long refundedMinor,
            long netMinor,
            long averageOrderMinor) {}

    /** One local day: its sales, GMV and refunds. */
    public record DailySales(LocalDate day, long orders, long gmvMinor, long refundedMinor) {}

    /** How many orders (of any status) were placed in the period with that status, and their totals. */
    public record StatusCount(String status, long orders, long totalMinor) {}

    /** A product or category ranked by GMV. */
    public record TopItem(long id, String code, String name, long quantity, long gmvMinor) {}

    public Kpis kpis(long tenantId, Instant from, Instant to) {
        long products = count("select count(*) from commerce_product where tenant_id = ?", tenantId);
        long active =
                count("select count(*) from commerce_product where tenant_id = ? and status = 'ACTIVE'", tenantId);
        long customers = count("select count(*) from commerce_customer where tenant_id = ?", tenantId);
        return jdbc.sql("""
                        select count(*), coalesce(sum(total_minor), 0), coalesce(sum(refunded_minor), 0)
                        from commerce_order
                        where tenant_id = ? and ordered_at >= ? and ordered_at < ? and status in """ + SALE_STATUSES)
                .params(tenantId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    long orders = rs.getLong(1);
                    long gmv = rs.getLong(2);
                    long refunded = rs.getLong(3);
                    long average = orders == 0 ? 0 : Math.floorDiv(2 * gmv + orders, 2 * orders);
                    return new Kpis(products, active, customers, orders, gmv, refunded, gmv - refunded, average);
                })
                .single();
    }

    /** Every day from {@code from} to {@code to} (both inclusive) in {@code zone}, days without sales as zeros. */
    public List<DailySales> daily(long tenantId, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, DailySales> found = new HashMap<>();
        jdbc.sql("""
                        select (ordered_at at time zone ?)::date, count(*), sum(total_minor), sum(refunded_minor)
                        from commerce_order
                        where tenant_id = ? and ordered_at >= ? and ordered_at < ? and status in """ + SALE_STATUSES + " group by 1")
                .params(zone.getId(), tenantId, Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) ->
                        new DailySales(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list()
                .forEach(d -> found.put(d.day(), d));
        List<DailySales> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(found.getOrDefault(d, new DailySales(d, 0, 0, 0)));
        }
        return days;
    }

    /** Orders placed in {@code [from, to)} by status, most frequent first. */
    public List<StatusCount> ordersByStatus(long tenantId, Instant from, Instant to) {
        return jdbc.sql("""
                        select status, count(*), coalesce(sum(total_minor), 0)
                        from commerce_order
                        where tenant_id = ? and ordered_at >= ? and ordered_at < ?
                        group by status order by 2 desc, 1""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new StatusCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Products with the highest GMV (line amounts after discounts) in the sales of {@code [from, to)}. */
    public List<TopItem> topProducts(long tenantId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        with sold as (
                          select l.product_id, sum(l.quantity) as quantity, sum(l.amount_minor) as gmv
                          from commerce_order o
                          join commerce_order_line l on l.order_id = o.id
                          where o.tenant_id = ? and o.ordered_at >= ? and o.ordered_at < ?
                            and o.status in """ + SALE_STATUSES + """
                            and l.product_id is not null
                          group by l.product_id
                          order by gmv desc, l.product_id
                          limit ?)
                        select p.id, p.code, p.name, s.quantity, s.gmv
                        from sold s join commerce_product p on p.id = s.product_id and p.tenant_id = ?
                        order by s.gmv desc, p.id""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to), limit, tenantId)
                .query((rs, n) ->
                        new TopItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Top-level categories with the highest GMV (their whole subtree) in the sales of {@code [from, to)}. */
    public List<TopItem> topCategories(long tenantId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        with sold as (
                          select split_part(c.path, '/', 2)::bigint as root_id,
                                 sum(l.quantity) as quantity, sum(l.amount_minor) as gmv
                          from commerce_order o
                          join commerce_order_line l on l.order_id = o.id
                          join commerce_category c on c.id = l.category_id and c.tenant_id = o.tenant_id
                          where o.tenant_id = ? and o.ordered_at >= ? and o.ordered_at < ?
                            and o.status in """ + SALE_STATUSES + """
                          group by 1
                          order by gmv desc, 1
                          limit ?)
                        select r.id, r.code, r.name, s.quantity, s.gmv
                        from sold s join commerce_category r on r.id = s.root_id and r.tenant_id = ?
                        order by s.gmv desc, r.id""")
                .params(tenantId, Timestamp.from(from), Timestamp.from(to), limit, tenantId)
                .query((rs, n) ->
                        new TopItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    private long count(String sql, long tenantId) {
        return jdbc.sql(sql).param(tenantId).query(Long.class).single();
    }
}
