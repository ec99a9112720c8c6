package io.magpie.flashsale;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** What the live dashboard shows of a session on this node: reservations per second, refusals by reason. */
final class SaleStats {

    static final int WINDOW = 120;

    private final AtomicLongArray slotSecond = new AtomicLongArray(WINDOW);
    private final AtomicLongArray slotCount = new AtomicLongArray(WINDOW);
    private final LongAdder reservations = new LongAdder();
    private final LongAdder units = new LongAdder();
    private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);

    /** This node's totals over every session since it started, for {@link FlashSaleMetrics}. */
    static final LongAdder NODE_RESERVATIONS = new LongAdder();

    static final LongAdder NODE_UNITS = new LongAdder();
    static final Map<Refusal, LongAdder> NODE_REFUSALS = new EnumMap<>(Refusal.class);

    static {
        for (Refusal r : Refusal.values()) {
            NODE_REFUSALS.put(r, new LongAdder());
        }
    }

    SaleStats() {
        for (Refusal r : Refusal.values()) {
            refusals.put(r, new LongAdder());
        }
        for (int i = 0; i < WINDOW; i++) {
            slotSecond.set(i, -1);
        }
    }

    void accepted(long epochSecond, int quantity) {
        reservations.increment();
        units.add(quantity);
        NODE_RESERVATIONS.increment();
        NODE_UNITS.add(quantity);
        int i = (int) Math.floorMod(epochSecond, (long) WINDOW);
        if (slotSecond.get(i) != epochSecond) {
            synchronized (this) {
                if (slotSecond.get(i) != epochSecond) {
                    slotCount.set(i, 0);
                    slotSecond.set(i, epochSecond);
                }
            }
        }
        slotCount.incrementAndGet(i);
    }

    void refused(Refusal reason) {
        refusals.get(reason).increment();
        NODE_REFUSALS.get(reason).increment();
    }

    long reservations() {
        return reservations.sum();
    }

    long units() {
        return units.sum();
    }

    long refusals(Refusal reason) {
        return refusals.get(reason).sum();
    }

    /** Reservations accepted in each of the {@code n} whole seconds before {@code nowSecond}, oldest first. */
    long[] perSecond(long nowSecond, int n) {
        long[] out = new long[Math.min(n, WINDOW - 1)];
        for (int k = 0; k < out.length; k++) {
            long second = nowSecond - out.length + k;
            int i = (int) Math.floorMod(second, (long) WINDOW);
            out[k] = slotSecond.get(i) == second ? slotCount.get(i) : 0;
        }
        return out;
    }
}
