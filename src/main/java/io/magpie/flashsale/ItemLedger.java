package io.magpie.flashsale;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One item's sale on this node: the units this node may still promise (its stock lease minus what
 * is being written) and the units each customer holds.
 */
final class ItemLedger {

    final long itemId;
    final String sku;
    final long flashPrice;
    final int limit;
    final Holdings holdings = new Holdings();
    private final AtomicLong available;
    /**
     * Units on sale outside this node (unleased, or other nodes' leases) as last read; it does not
     * move when this node sells, so live stock left = available + elsewhere.
     */
    volatile long elsewhere;
    /** The request to PostgreSQL for more stock under way, if any: one at a time, the others wait for it. */
    final AtomicReference<CompletableFuture<Integer>> refill = new AtomicReference<>();
    /** When (nanoTime) PostgreSQL last had no more stock for this node, so it is not asked again at once. */
    volatile long emptyAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    /** The latest other node's request for units ({@code wanted_at}) this node answered. */
    volatile Instant demandAnswered = Instant.EPOCH;

    ItemLedger(long itemId, String sku, long flashPrice, int limit, long available) {
        this(itemId, sku, flashPrice, limit, available, 0);
    }

    ItemLedger(long itemId, String sku, long flashPrice, int limit, long available, long elsewhere) {
        this.elsewhere = elsewhere;
        this.itemId = itemId;
        this.sku = sku;
        this.flashPrice = flashPrice;
        this.limit = limit;
        this.available = new AtomicLong(available);
    }

    /** Units still on sale: this node's live figure plus the others' as last read. */
    long stockLeft() {
        return Math.max(0, available.get()) + Math.max(0, elsewhere);
    }

    long available() {
        return available.get();
    }

    boolean takeStock(int n) {
        while (true) {
            long a = available.get();
            if (a < n) {
                return false;
            }
            if (available.compareAndSet(a, a - n)) {
                return true;
            }
        }
    }

    /** Takes every unit still available (none of them promised to a pending write); returns how many. */
    int drain() {
        while (true) {
            long a = available.get();
            if (a <= 0) {
                return 0;
            }
            if (available.compareAndSet(a, 0)) {
                return (int) a;
            }
        }
    }

    void returnStock(long n) {
        available.addAndGet(n);
    }
}
