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
    /** When this node last asked PostgreSQL for more stock (nanoTime), to ask at most once a second. */
    final AtomicLong lastTopUp = new AtomicLong(Long.MIN_VALUE / 2);

    ItemLedger(long itemId, String sku, long flashPrice, int limit, long available) {
        this.itemId = itemId;
        this.sku = sku;
        this.flashPrice = flashPrice;
        this.limit = limit;
        this.available = new AtomicLong(available);
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
