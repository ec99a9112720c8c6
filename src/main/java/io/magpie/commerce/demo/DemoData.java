package io.magpie.commerce.demo;

import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code magpie.demo=true}: fills the first tenant, once, with a deterministic shop — a category
 * tree with brands, 200 products, 3 stores, 5,000 customers and 50,000 orders over the last twelve
 * months with weekly and seasonal shape, cancellations and partial refunds. Historical orders are
 * written directly, without order events: they are the past that later modules analyse.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "magpie.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final long SEED = 20_261_124L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final DemoWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoData(Tenants tenants, JdbcClient jdbc, DemoWriter writer, TransactionTemplate tx, Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.writer = writer;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<TenantView> all = tenants.all();
        if (all.isEmpty()) {
            return;
        }
        TenantView tenant = all.get(0);
        boolean loaded = jdbc.sql("select exists (select 1 from commerce_product where tenant_id = ?)")
                .param(tenant.id())
                .query(Boolean.class)
                .single();
        if (loaded) {
            log.info("Demo data: tenant '{}' already has a catalog; nothing to load", tenant.name());
            return;
        }
        long started = System.nanoTime();
        log.info("Demo data: loading a year of history into tenant '{}' …", tenant.name());
        tx.executeWithoutResult(s -> load(tenant));
        log.info("Demo data: loaded in {} s", (System.nanoTime() - started) / 1_000_000_000);
    }

    void load(TenantView tenant) {
        Random random = new Random(SEED);
        var catalog = writer.catalog(tenant, DemoCatalog.products(random, 200));
        log.info("Demo data: catalog of {} SKUs written", catalog.skus().size());
        var people = DemoPeople.customers(random, 5_000, clock.instant());
        long[] customerIds = writer.customers(tenant, people);
        log.info("Demo data: {} customers written", customerIds.length);
        long[] storeIds = writer.stores(tenant);
        double[] activity =
                people.stream().mapToDouble(DemoPeople.Person::activity).toArray();
        var orders = DemoOrders.generate(
                random, 50_000, catalog.refs(), activity, storeIds.length, clock.instant(), tenant.timeZone());
        writer.orders(tenant, orders, catalog, customerIds, storeIds, n -> log.info("Demo data: {} orders written", n));
    }
}
