package io.magpie.commerce.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.Tenants;
import io.magpie.tenant.TestTenants;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MagpieIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsAConsistentYearOfHistory() {
        long tenant = TestTenants.create(context).id();
        var demo = new DemoData(
                context.getBean(Tenants.class),
                jdbc,
                context.getBean(DemoWriter.class),
                context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class));
        demo.load(context.getBean(Tenants.class).get(tenant));

        assertThat(count("select count(*) from commerce_product where tenant_id = ?", tenant))
                .isEqualTo(200);
        assertThat(count("select count(*) from commerce_store where tenant_id = ?", tenant))
                .isEqualTo(3);
        assertThat(count("select count(*) from commerce_customer where tenant_id = ?", tenant))
                .isEqualTo(5_000);
        assertThat(count("select count(*) from commerce_order where tenant_id = ?", tenant))
                .isEqualTo(50_000);
        assertThat(count("select max(depth) from commerce_category where tenant_id = ?", tenant))
                .isEqualTo(3);
        assertThat(count(
                        "select count(*) from commerce_customer where tenant_id = ? and phone_masked !~ '^1[0-9]{2}[*]{4}[0-9]{4}$'",
                        tenant))
                .isZero();

        long cancelled =
                count("select count(*) from commerce_order where tenant_id = ? and status = 'CANCELLED'", tenant);
        long partial = count(
                "select count(*) from commerce_order where tenant_id = ? and status = 'PARTIALLY_REFUNDED'", tenant);
        assertThat(cancelled).isBetween(1_500L, 4_000L);
        assertThat(partial).isBetween(2_500L, 6_000L);

        // history only: nothing in the future, list prices never below prices
        assertThat(count("select count(*) from commerce_order where tenant_id = ? and ordered_at > now()", tenant))
                .isZero();
        assertThat(count(
                        "select count(*) from commerce_sku where tenant_id = ? and list_price_minor < price_minor",
                        tenant))
                .isZero();

        // recent unpaid orders are part of the story, but the payment timeout never cancels demo orders
        assertThat(count("select count(*) from commerce_order where tenant_id = ? and status = 'CREATED'", tenant))
                .isPositive();
        assertThat(count("select count(*) from commerce_order where tenant_id = ? and auto_cancel", tenant))
                .isZero();

        // money adds up on every order, line and refund
        assertThat(count("""
                        select count(*) from commerce_order o where o.tenant_id = ?
                           and (o.total_minor <> o.subtotal_minor + o.freight_minor - o.discount_minor
                             or o.subtotal_minor <> (select sum(amount_minor) from commerce_order_line l where l.order_id = o.id)
                             or o.refunded_minor <> coalesce((select sum(amount_minor) from commerce_refund r where r.order_id = o.id), 0))""", tenant)).isZero();
        assertThat(count("""
                        select count(*) from commerce_order_line where tenant_id = ?
                           and amount_minor <> quantity * unit_price_minor - discount_minor""", tenant)).isZero();

        // shape: weekends busier than weekdays, Double 11 the busiest day
        double weekend = average("""
                select count(*)::float / count(distinct date(ordered_at at time zone 'Asia/Shanghai'))
                  from commerce_order where tenant_id = ? and extract(isodow from ordered_at at time zone 'Asia/Shanghai') >= 6""", tenant);
        double weekday = average("""
                select count(*)::float / count(distinct date(ordered_at at time zone 'Asia/Shanghai'))
                  from commerce_order where tenant_id = ? and extract(isodow from ordered_at at time zone 'Asia/Shanghai') <= 5""", tenant);
        assertThat(weekend).isGreaterThan(weekday * 1.1);
        String busiest = jdbc.sql("""
                        select to_char(ordered_at at time zone 'Asia/Shanghai', 'MM-DD') d from commerce_order
                         where tenant_id = ? group by d order by count(*) desc limit 1""").param(tenant).query(String.class).single();
        assertThat(busiest).isEqualTo("11-11");
    }

    private long count(String sql, long tenant) {
        return jdbc.sql(sql).param(tenant).query(Long.class).single();
    }

    private double average(String sql, long tenant) {
        return jdbc.sql(sql).param(tenant).query(Double.class).single();
    }
}
