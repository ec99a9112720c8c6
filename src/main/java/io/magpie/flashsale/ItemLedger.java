package io.magpie.flashsale;

import java.util.concurrent.atomic.AtomicLong;

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
    /** When this node last asked PostgreSQL for more stock (nanoTime), to ask at most once a second. */
    final AtomicLong lastTopUp = new AtomicLong(Long.MIN_VALUE / 2);

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

    void returnStock(long n) {
        available.addAndGet(n);
    }
}
