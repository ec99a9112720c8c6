package io.magpie.commerce.web;

import io.magpie.platform.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads customers for the console. Phone and e-mail exist only hashed and masked; the console
 * shows the masked form.
 */
@Component
class CustomerPageQueries {

    private final JdbcClient jdbc;

    CustomerPageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            long id,
            String externalId,
            String name,
            String phoneMasked,
            String emailMasked,
            Instant registeredAt,
            long orders,
            long spentMinor) {}

    record Detail(Row customer, Map<String, String> attributes, Summary summary) {}

    /** The customer's sales (paid, not cancelled orders): count, GMV, refunds, first and last order. */
    record Summary(long orders, long gmvMinor, long refundedMinor, Instant firstOrderAt, Instant lastOrderAt) {

        public long netMinor() {
            return gmvMinor - refundedMinor;
        }
    }

    /** {@code q} matches the external id exactly or as a part, or a part of the name. */
    CursorPage<Row> list(long tenantId, String q, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where c.tenant_id = ? and c.id < ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, CursorPage.after(cursor)));
        if (q != null) {
            sql.append(" and (c.external_id = ? or c.external_id ilike ? or c.name ilike ?)");
            params.add(q);
            params.add(PageSupport.contains(q));
            params.add(PageSupport.contains(q));
        }
        sql.append(" order by c.id desc limit ?");
        params.add(limit + 1);
        return CursorPage.of(
                jdbc.sql(sql.toString())
                        .params(params)
                        .query(CustomerPageQueries::row)
                        .list(),
                limit,
                Row::id);
    }

    Optional<Detail> find(long tenantId, long id) {
        return jdbc.sql(SELECT.replace(
                                "from commerce_customer c", ", c.attributes::text as attrs from commerce_customer c")
                        + " where c.tenant_id = ? and c.id = ?")
                .params(tenantId, id)
                .query((rs, n) -> new Detail(row(rs, n), Attributes.of(rs.getString("attrs")), null))
                .optional()
                .map(d -> new Detail(d.customer(), d.attributes(), summary(tenantId, id)));
    }

    private Summary summary(long tenantId, long customerId) {
        return jdbc.sql("""
                        select count(*), coalesce(sum(total_minor), 0), coalesce(sum(refunded_minor), 0),
                               min(ordered_at), max(ordered_at)
                        from commerce_order
                        where tenant_id = ? and customer_id = ?
                          and status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')""")
                .params(tenantId, customerId)
                .query((rs, n) -> new Summary(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        OrderQueries.instant(rs, "min"),
                        OrderQueries.instant(rs, "max")))
                .single();
    }

    private static final String SELECT = """
            select c.id, c.external_id, c.name, c.phone_masked, c.email_masked, c.registered_at,
                   coalesce(s.orders, 0) as orders, coalesce(s.spent, 0) as spent
            from commerce_customer c
            left join lateral (
              select count(*) as orders, sum(o.total_minor - o.refunded_minor) as spent
              from commerce_order o
              where o.tenant_id = c.tenant_id and o.customer_id = c.id
                and o.status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')) s on true""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("phone_masked"),
                rs.getString("email_masked"),
                OrderQueries.instant(rs, "registered_at"),
                rs.getLong("orders"),
                rs.getLong("spent"));
    }
}
