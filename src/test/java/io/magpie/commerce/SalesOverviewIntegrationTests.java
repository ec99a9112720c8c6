package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.SalesOverview.DailySales;
import io.magpie.commerce.SalesOverview.Kpis;
import io.magpie.commerce.SalesOverview.StatusCount;
import io.magpie.commerce.SalesOverview.TopItem;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class SalesOverviewIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final Instant FROM = MARCH_1.atStartOfDay(SHANGHAI).toInstant();
    static final Instant TO = MARCH_1.plusDays(2).atStartOfDay(SHANGHAI).toInstant();

    @Autowired
    ApplicationContext context;

    @Autowired
    SalesOverview sales;

    long tenant;

    @BeforeEach
    void knownOrders() {
        tenant = TestTenants.create(context).id();
        CommerceSeed seed = CommerceSeed.of(context, tenant);
        long apparel = seed.category("apparel", "Apparel", null);
        long shirts = seed.category("shirts", "Shirts", apparel);
        long food = seed.category("food", "Food", null);
        var tee = seed.sku(seed.product("tee", "Tee", shirts, null), "tee-s", "Tee S", 9900, null);
        var coffee = seed.sku(seed.product("coffee", "Coffee", food, null), "coffee-1", "Coffee", 3500, null);
        seed.product("old", "Old product", food, null, "INACTIVE", "{}");
        long alice = seed.customer("c-1", "Alice", null, null);
        seed.customer("c-2", "Bob", null, null);

        // 2026-03-01T17:00Z is 2026-03-02 01:00 in Shanghai
        seed.order("A")
                .at(Instant.parse("2026-03-01T17:00:00Z"))
                .customer(alice)
                .line(tee, 2, 9900)
                .freight(1000)
                .create();
        // the last second of 2026-03-01 in Shanghai
        seed.order("B")
                .status("PARTIALLY_REFUNDED")
                .at(Instant.parse("2026-03-01T15:59:59Z"))
                .line(coffee, 3, 3500, 500)
                .refunded(3500)
                .create();
        seed.order("C")
                .status("REFUNDED")
                .at(Instant.parse("2026-03-02T03:00:00Z"))
                .line(tee, 1, 9900)
                .refunded(9900)
                .create();
        seed.order("D")
                .cancelled("changed mind")
                .at(Instant.parse("2026-03-02T04:00:00Z"))
                .line(coffee, 10, 3500)
                .create();
        seed.order("E")
                .status("CREATED")
                .at(Instant.parse("2026-03-02T05:00:00Z"))
                .line(tee, 1, 9900)
                .create();
        // outside the period: the first second of 2026-03-03 in Shanghai, and a day in February
        seed.order("F")
                .at(Instant.parse("2026-03-02T16:00:00Z"))
                .line(tee, 5, 9900)
                .create();
        seed.order("G")
                .at(Instant.parse("2026-02-20T00:00:00Z"))
                .line(tee, 5, 9900)
                .create();

        // another tenant's sale in the same period never counts
        long other = TestTenants.create(context).id();
        CommerceSeed otherSeed = CommerceSeed.of(context, other);
        var otherSku = otherSeed.sku(otherSeed.product("tee", "Tee", null, null), "tee-s", "Tee", 100, null);
        otherSeed
                .order("A")
                .at(Instant.parse("2026-03-01T17:00:00Z"))
                .line(otherSku, 1, 777)
                .create();
    }

    @Test
    void kpisCountPaidOrdersOfThePeriodOnly() {
        Kpis kpis = sales.kpis(tenant, FROM, TO);

        assertThat(kpis.orders()).isEqualTo(3); // A, B, C
        assertThat(kpis.gmvMinor()).isEqualTo(20800 + 10000 + 9900);
        assertThat(kpis.refundedMinor()).isEqualTo(3500 + 9900);
        assertThat(kpis.netMinor()).isEqualTo(40700 - 13400);
        assertThat(kpis.averageOrderMinor()).isEqualTo(13567); // 40700 / 3 = 13566.67, half-up
        assertThat(kpis.products()).isEqualTo(3);
        assertThat(kpis.activeProducts()).isEqualTo(2);
        assertThat(kpis.customers()).isEqualTo(2);
    }

    @Test
    void daysAreBucketedInTheTenantsZoneWithEmptyDaysAsZeros() {
        List<DailySales> days = sales.daily(tenant, MARCH_1, MARCH_1.plusDays(2), SHANGHAI);

        assertThat(days)
                .containsExactly(
                        new DailySales(MARCH_1, 1, 10000, 3500),
                        new DailySales(MARCH_1.plusDays(1), 2, 20800 + 9900, 9900),
                        new DailySales(MARCH_1.plusDays(2), 1, 5 * 9900, 0));
    }

    @Test
    void inUtcTheSameOrdersFallOnOtherDays() {
        List<DailySales> days = sales.daily(tenant, MARCH_1, MARCH_1.plusDays(1), ZoneId.of("UTC"));

        assertThat(days).extracting(DailySales::orders).containsExactly(2L, 2L); // B+A on 03-01; C+F on 03-02
    }

    @Test
    void ordersByStatusCountEveryOrderPlacedInThePeriod() {
        assertThat(sales.ordersByStatus(tenant, FROM, TO))
                .containsExactly(
                        new StatusCount("CANCELLED", 1, 35000),
                        new StatusCount("CREATED", 1, 9900),
                        new StatusCount("PAID", 1, 20800),
                        new StatusCount("PARTIALLY_REFUNDED", 1, 10000),
                        new StatusCount("REFUNDED", 1, 9900));
    }

    @Test
    void topProductsAndCategoriesRankLineAmountsOfSales() {
        assertThat(sales.topProducts(tenant, FROM, TO, 5))
                .extracting(TopItem::name, TopItem::quantity, TopItem::gmvMinor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Tee", 3L, 29700L),
                        org.assertj.core.groups.Tuple.tuple("Coffee", 3L, 10000L));
        // Shirts rolls up into its root, Apparel
        assertThat(sales.topCategories(tenant, FROM, TO, 5))
                .extracting(TopItem::code, TopItem::quantity, TopItem::gmvMinor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apparel", 3L, 29700L),
                        org.assertj.core.groups.Tuple.tuple("food", 3L, 10000L));
        assertThat(sales.topProducts(tenant, FROM, TO, 1)).hasSize(1);
    }

    @Test
    void aTenantWithoutOrdersHasZeros() {
        long empty = TestTenants.create(context).id();
        assertThat(sales.kpis(empty, FROM, TO)).isEqualTo(new Kpis(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(sales.daily(empty, MARCH_1, MARCH_1, SHANGHAI)).containsExactly(new DailySales(MARCH_1, 0, 0, 0));
        assertThat(sales.topProducts(empty, FROM, TO, 5)).isEmpty();
    }

    @Test
    void fiftyThousandOrdersAreSummedFromIndexes() {
        long big = TestTenants.create(context).id();
        CommerceSeed seed = CommerceSeed.of(context, big);
        var sku = seed.sku(seed.product("p", "P", seed.category("c", "C", null), null), "s", "S", 1000, null);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        // 50,000 orders over 100 days, two lines each; every tenth cancelled
        jdbc.sql("""
                        insert into commerce_order (tenant_id, order_no, status, currency, subtotal_minor, total_minor,
                          request_hash, ordered_at)
                        select ?, 'N' || g, case when g % 10 = 0 then 'CANCELLED' else 'PAID' end, 'CNY', 2000, 2000,
                          'seed', timestamptz '2026-03-01 00:00+08' - (g % 100) * interval '1 day'
                        from generate_series(1, 50000) g""").param(big).update();
        jdbc.sql("""
                        insert into commerce_order_line (tenant_id, order_id, line_no, sku_id, sku_code, product_id,
                          category_id, quantity, unit_price_minor, amount_minor)
                        select o.tenant_id, o.id, n::text, ?, 's', ?, ?, 1, 1000, 1000
                        from commerce_order o, generate_series(1, 2) n where o.tenant_id = ?""").params(sku.id(), sku.productId(), sku.categoryId(), big).update();
        // as autovacuum would: statistics and the visibility map that index-only scans need
        jdbc.sql("vacuum analyze commerce_order").update();
        jdbc.sql("vacuum analyze commerce_order_line").update();
        Instant from = MARCH_1.minusDays(29).atStartOfDay(SHANGHAI).toInstant();
        Instant to = MARCH_1.plusDays(1).atStartOfDay(SHANGHAI).toInstant();

        long started = System.nanoTime();
        Kpis kpis = sales.kpis(big, from, to);
        List<DailySales> days = sales.daily(big, MARCH_1.minusDays(89), MARCH_1, SHANGHAI);
        List<TopItem> top = sales.topProducts(big, from, to, 5);
        long millis = (System.nanoTime() - started) / 1_000_000;
        org.slf4j.LoggerFactory.getLogger(getClass()).info("dashboard figures over 50,000 orders: {} ms", millis);

        assertThat(kpis.orders()).isEqualTo(15000 - 1500); // 30 of 100 days, without every tenth
        assertThat(kpis.gmvMinor()).isEqualTo(13500L * 2000);
        assertThat(days).hasSize(90);
        assertThat(days.stream().mapToLong(DailySales::orders).sum()).isEqualTo(45000 - 4500);
        assertThat(top).singleElement().extracting(TopItem::gmvMinor).isEqualTo(13500L * 2000);
        String plan = String.join(
                "\n",
                jdbc.sql("explain select count(*), sum(total_minor), sum(refunded_minor) from commerce_order"
                                + " where tenant_id = ? and ordered_at >= ? and ordered_at < ?"
                                + " and status in ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')")
                        .params(big, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                        .query(String.class)
                        .list());
        assertThat(plan)
                .contains("Index Only Scan using commerce_order_sales_idx")
                .doesNotContain("Seq Scan");
    }
}
