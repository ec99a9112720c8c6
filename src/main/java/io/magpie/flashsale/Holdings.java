package io.magpie.flashsale;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Units each customer holds, raised only by compare-and-set under a maximum: no lock, no overshoot. */
final class Holdings {

    private final ConcurrentHashMap<String, AtomicInteger> units = new ConcurrentHashMap<>();

    /** Adds {@code n} units unless that would take the customer above {@code max}. */
    boolean tryAdd(String customer, int n, int max) {
        AtomicInteger held = units.computeIfAbsent(customer, c -> new AtomicInteger());
        while (true) {
            int h = held.get();
            if (h + n > max) {
                return false;
            }
            if (held.compareAndSet(h, h + n)) {
                return true;
            }
        }
    }

    void remove(String customer, int n) {
        AtomicInteger held = units.get(customer);
        if (held != null) {
            held.updateAndGet(h -> Math.max(0, h - n));
        }
    }

    void set(String customer, int n) {
        units.put(customer, new AtomicInteger(n));
    }

    int of(String customer) {
        AtomicInteger held = units.get(customer);
        return held == null ? 0 : held.get();
    }
}
