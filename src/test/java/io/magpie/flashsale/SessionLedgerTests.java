package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory decision: stock and per-customer limits taken by compare-and-set, never overshot. */
class SessionLedgerTests {

    static final Instant START = Instant.parse("2026-11-11T12:00:00Z");
    static final Instant END = Instant.parse("2026-11-11T13:00:00Z");
    static final Instant DURING = Instant.parse("2026-11-11T12:30:00Z");

    static SessionLedger ledger(SessionStatus status, Integer sessionLimit, ItemLedger... items) {
        Map<Long, ItemLedger> map = new java.util.HashMap<>();
        for (ItemLedger i : items) {
            map.put(i.itemId, i);
        }
        return new SessionLedger(1, 10, 1, status, START, END, sessionLimit, false, new byte[32], map, 0);
    }

    @Test
    void takesStockAndAllowanceOrNothing() {
        ItemLedger item = new ItemLedger(100, "tea", 990, 2, 3);
        SessionLedger s = ledger(SessionStatus.PUBLISHED, null, item);

        assertThat(s.take(item, "c1", 2, DURING)).isNull();
        assertThat(s.take(item, "c1", 1, DURING)).isEqualTo(Refusal.LIMIT_REACHED);
        assertThat(item.available()).isEqualTo(1);
        assertThat(s.take(item, "c2", 2, DURING)).isEqualTo(Refusal.SOLD_OUT);
        assertThat(item.holdings.of("c2")).isZero();
        assertThat(s.take(item, "c2", 1, DURING)).isNull();
        assertThat(s.take(item, "c3", 1, DURING)).isEqualTo(Refusal.SOLD_OUT);
        assertThat(item.available()).isZero();
    }

    @Test
    void moreThanTheLimitAtOnceIsRefusedWithoutTakingAnything() {
        ItemLedger item = new ItemLedger(100, "tea", 990, 2, 10);
        SessionLedger s = ledger(SessionStatus.PUBLISHED, null, item);

        assertThat(s.take(item, "c1", 3, DURING)).isEqualTo(Refusal.LIMIT_REACHED);
        assertThat(item.available()).isEqualTo(10);
        assertThat(item.holdings.of("c1")).isZero();
    }

    @Test
    void theSessionLimitSpansItems() {
        ItemLedger tea = new ItemLedger(100, "tea", 990, 2, 10);
        ItemLedger cup = new ItemLedger(101, "cup", 500, 2, 10);
        SessionLedger s = ledger(SessionStatus.PUBLISHED, 3, tea, cup);

        assertThat(s.take(tea, "c1", 2, DURING)).isNull();
        assertThat(s.take(cup, "c1", 2, DURING)).isEqualTo(Refusal.LIMIT_REACHED);
        assertThat(cup.holdings.of("c1")).isZero();
        assertThat(cup.available()).isEqualTo(10);
        assertThat(s.take(cup, "c1", 1, DURING)).isNull();
        assertThat(s.sessionHoldings.of("c1")).isEqualTo(3);
    }

    @Test
    void theWindowAndTheStatusComeFirst() {
        ItemLedger item = new ItemLedger(100, "tea", 990, 2, 10);
        assertThat(ledger(SessionStatus.PUBLISHED, null, item).take(item, "c", 1, START.minusSeconds(1)))
                .isEqualTo(Refusal.NOT_STARTED);
        assertThat(ledger(SessionStatus.PUBLISHED, null, item).take(item, "c", 1, START))
                .isNull();
        assertThat(ledger(SessionStatus.PUBLISHED, null, item).take(item, "c", 1, END))
                .isEqualTo(Refusal.ENDED);
        assertThat(ledger(SessionStatus.CANCELLED, null, item).take(item, "c", 1, DURING))
                .isEqualTo(Refusal.ENDED);
    }

    @Test
    void givingBackReturnsStockAndAllowance() {
        ItemLedger item = new ItemLedger(100, "tea", 990, 1, 1);
        SessionLedger s = ledger(SessionStatus.PUBLISHED, 1, item);
        assertThat(s.take(item, "c1", 1, DURING)).isNull();

        s.giveBack(item, "c1", 1, true);

        assertThat(item.available()).isEqualTo(1);
        assertThat(s.take(item, "c1", 1, DURING)).isNull();
    }

    @Test
    void manyThreadsNeverOversellNorExceedALimit() throws Exception {
        ItemLedger item = new ItemLedger(100, "tea", 990, 2, 1000);
        SessionLedger s = ledger(SessionStatus.PUBLISHED, null, item);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, AtomicInteger> granted = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20_000; i++) {
                        String customer = "c" + ((i * 7 + seed * 13) % 700);
                        int quantity = 1 + (i % 2);
                        if (s.take(item, customer, quantity, DURING) == null) {
                            granted.computeIfAbsent(customer, c -> new AtomicInteger())
                                    .addAndGet(quantity);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int sold = granted.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(sold + item.available()).isEqualTo(1000);
        assertThat(item.available()).isZero();
        assertThat(granted.values()).allSatisfy(g -> assertThat(g.get()).isLessThanOrEqualTo(2));
        granted.forEach((c, g) -> assertThat(item.holdings.of(c)).isEqualTo(g.get()));
    }
}
