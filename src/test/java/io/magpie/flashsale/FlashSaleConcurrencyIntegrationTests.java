package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Many shoppers at once on one item: exactly the stock is reserved, nobody above the limit, every
 * 201 is in the database; then memory is thrown away and rebuilt from the database and the sale
 * goes on exactly.
 */
@MagpieIntegrationTest
class FlashSaleConcurrencyIntegrationTests {

    static final int STOCK = 100;
    static final int LIMIT = 2;
    static final int CUSTOMERS = 300;
    static final int THREADS = 50;
    static final int REQUESTS_PER_THREAD = 30;

    @Autowired
    ApplicationContext context;

    @Autowired
    SaleBook book;

    @Test
    void fiftyThreadsSellExactlyTheStockWithinTheLimits() throws Exception {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(STOCK, LIMIT);
        Api api = f.api;
        Map<Long, String> answered = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> granted = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        String customer = "c" + ((thread * 31 + i * 17) % CUSTOMERS);
                        int quantity = 1 + (i + thread) % 2;
                        var r = api.post(
                                sale.reservations(),
                                f.tenant.apiKey(),
                                "{\"customer_id\": \"" + customer + "\", \"quantity\": " + quantity + "}");
                        if (r.status() == 201) {
                            answered.put(r.json().get("reservation_id").asLong(), customer + ":" + quantity);
                            granted.computeIfAbsent(customer, c -> new AtomicInteger())
                                    .addAndGet(quantity);
                        } else if ("sold_out".equals(r.code())) {
                            soldOut.incrementAndGet();
                        } else if ("limit_reached".equals(r.code())) {
                            limited.incrementAndGet();
                        } else {
                            unexpected.add(r.toString());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(granted.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(STOCK);
        assertThat(soldOut.get()).isPositive();
        assertThat(f.count(
                        "select coalesce(sum(quantity), 0) from flashsale_reservation where item_id = ? and status = 'RESERVED'",
                        sale.item()))
                .isEqualTo(STOCK);
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isEqualTo(STOCK);
        assertThat(f.count("""
                        select count(*) from (select customer_id from flashsale_reservation where item_id = ?
                         group by customer_id having sum(quantity) > ?) over_limit""", sale.item(), LIMIT)).isZero();
        // every 201 is a durable row with the customer and quantity it was answered with
        for (var e : answered.entrySet()) {
            String row = f.jdbc.sql("select customer_id || ':' || quantity from flashsale_reservation where id = ?")
                    .param(e.getKey())
                    .query(String.class)
                    .single();
            assertThat(row).isEqualTo(e.getValue());
        }
        assertThat(f.count("select count(*) from flashsale_reservation where item_id = ?", sale.item()))
                .isEqualTo(answered.size());
        assertThat(f.count("select coalesce(sum(held), 0) from flashsale_item_quota where item_id = ?", sale.item()))
                .isEqualTo(STOCK);

        // memory is thrown away (as by a restart) and rebuilt from the database
        book.evict(sale.session());
        var rebuilt = book.get(f.tenant.id(), sale.session());
        assertThat(rebuilt.items.get(sale.item()).available()).isZero();
        String full = granted.entrySet().stream()
                .filter(e -> e.getValue().get() == LIMIT)
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(rebuilt.items.get(sale.item()).holdings.of(full)).isEqualTo(LIMIT);
        assertThat(f.reserve(sale, "newcomer", 1).code()).isEqualTo("sold_out");

        // two units come back; exactly two more are sold, and the full customer is still at the limit
        long cancelled = answered.entrySet().stream()
                .filter(e ->
                        e.getValue().equals(full + ":" + LIMIT) || e.getValue().startsWith(full + ":"))
                .findFirst()
                .orElseThrow()
                .getKey();
        int back = Integer.parseInt(answered.get(cancelled).split(":")[1]);
        FlashSaleFixture.ok(f.post(sale.reservations() + "/" + cancelled + "/cancel", "{}"));
        for (int i = 0; i < back; i++) {
            assertThat(f.reserve(sale, "late-" + i, 1).status()).isEqualTo(201);
        }
        assertThat(f.reserve(sale, "late-x", 1).code()).isEqualTo("sold_out");
        assertThat(f.reserve(sale, full, LIMIT - back + 1).code()).isIn("limit_reached", "sold_out");
        assertThat(f.count(
                        "select coalesce(sum(quantity), 0) from flashsale_reservation where item_id = ? and status = 'RESERVED'",
                        sale.item()))
                .isEqualTo(STOCK);
    }

    @Test
    void aNewBookBuiltFromTheDatabaseContinuesTheSale() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(5, 2);
        assertThat(f.reserve(sale, "a", 2).status()).isEqualTo(201);
        assertThat(f.reserve(sale, "b", 1).status()).isEqualTo(201);

        // a second, independent in-memory book over the same database, as a restarted node builds it
        var fresh = new SaleBook(
                context.getBean(FlashSaleRows.class),
                context.getBean(ReservationRows.class),
                context.getBean(StockLeases.class));
        var ledger = fresh.get(f.tenant.id(), sale.session());
        var item = ledger.items.get(sale.item());

        assertThat(item.available()).isEqualTo(2);
        assertThat(item.holdings.of("a")).isEqualTo(2);
        assertThat(item.holdings.of("b")).isEqualTo(1);
        assertThat(ledger.take(item, "a", 1, java.time.Instant.now())).isEqualTo(Refusal.LIMIT_REACHED);
        assertThat(ledger.take(item, "b", 1, java.time.Instant.now())).isNull();
        assertThat(ledger.take(item, "c", 2, java.time.Instant.now())).isEqualTo(Refusal.SOLD_OUT);
        assertThat(ledger.take(item, "c", 1, java.time.Instant.now())).isNull();
        assertThat(item.available()).isZero();
    }
}
