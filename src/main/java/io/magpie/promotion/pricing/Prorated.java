package io.magpie.promotion.pricing;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The per-line shares of one granted discount ({@link StageContext#discount}), prorated by
 * {@link Proration#allocate} the first time they are read. The total is known without prorating, so an
 * offer tried alone (whose shares nobody reads) never pays for the proration. Immutable; the lines with a
 * zero share are left out, as in an eager list.
 */
final class Prorated extends AbstractList<Allocation> implements RandomAccess {

    private final long total;
    private final String[] ids;
    private final long[] weights;
    private final long[] capacities;
    private volatile Allocation[] shares;

    /**
     * @param total the granted discount, positive and at most the sum of {@code capacities}
     */
    Prorated(long total, String[] ids, long[] weights, long[] capacities) {
        long capacity = 0;
        for (long c : capacities) {
            capacity = Math.addExact(capacity, c);
        }
        if (total <= 0 || total > capacity) {
            throw new IllegalArgumentException("cannot allocate " + total + " within capacity " + capacity);
        }
        this.total = total;
        this.ids = ids;
        this.weights = weights;
        this.capacities = capacities;
    }

    private Allocation[] shares() {
        Allocation[] result = shares;
        if (result == null) {
            long[] amounts = Proration.allocate(total, Arrays.asList(ids), weights, capacities);
            int positive = 0;
            for (long a : amounts) {
                if (a > 0) {
                    positive++;
                }
            }
            result = new Allocation[positive];
            int k = 0;
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] > 0) {
                    result[k++] = new Allocation(ids[i], amounts[i]);
                }
            }
            shares = result;
        }
        return result;
    }

    @Override
    public Allocation get(int index) {
        return shares()[index];
    }

    @Override
    public int size() {
        return shares().length;
    }

    /** Never empty: a positive total leaves at least one positive share. */
    @Override
    public boolean isEmpty() {
        return false;
    }

    /** Sum of the amounts of any allocation list, without prorating a {@link Prorated} one. */
    static long sum(java.util.List<Allocation> allocations) {
        if (allocations instanceof Prorated p) {
            return p.total;
        }
        long sum = 0;
        for (Allocation a : allocations) {
            sum += a.amount();
        }
        return sum;
    }
}
