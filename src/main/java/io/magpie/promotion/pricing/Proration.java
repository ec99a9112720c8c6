package io.magpie.promotion.pricing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Largest-remainder (Hamilton) allocation of an amount over lines by weight, never giving a line more
 * than its capacity: what a line cannot take is re-allocated over the others. Ties go to the smaller id.
 */
final class Proration {

    private Proration() {}

    /**
     * @param total what to allocate; must not exceed the sum of capacities
     * @param ids line ids (tie-break)
     * @param weights non-negative weights (usually the lines' current amounts)
     * @param capacities non-negative maximum share of each line
     */
    static long[] allocate(long total, List<String> ids, long[] weights, long[] capacities) {
        int n = ids.size();
        long[] shares = new long[n];
        long capacity = 0;
        for (long c : capacities) {
            capacity = Math.addExact(capacity, c);
        }
        if (total < 0 || total > capacity) {
            throw new IllegalArgumentException("cannot allocate " + total + " within capacity " + capacity);
        }
        long remaining = total;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = capacities[i] > 0;
        }
        while (remaining > 0) {
            long weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (active[i]) {
                    weightSum += weights[i];
                }
            }
            boolean byCapacity = weightSum == 0;
            long[] w = new long[n];
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                w[i] = active[i] ? (byCapacity ? capacities[i] - shares[i] : weights[i]) : 0;
                sum = sum.add(BigInteger.valueOf(w[i]));
            }
            long[] portion = new long[n];
            BigInteger[] remainders = new BigInteger[n];
            long given = 0;
            BigInteger r = BigInteger.valueOf(remaining);
            for (int i = 0; i < n; i++) {
                BigInteger[] qr = r.multiply(BigInteger.valueOf(w[i])).divideAndRemainder(sum);
                portion[i] = qr[0].longValueExact();
                remainders[i] = qr[1];
                given += portion[i];
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (w[i] > 0) {
                    order.add(i);
                }
            }
            order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
                    .reversed()
                    .thenComparing(i -> ids.get(i)));
            long leftover = remaining - given;
            for (int k = 0; k < leftover; k++) {
                portion[order.get(k)]++;
            }
            for (int i = 0; i < n; i++) {
                long room = capacities[i] - shares[i];
                long take = Math.min(portion[i], room);
                shares[i] += take;
                remaining -= take;
                if (shares[i] == capacities[i]) {
                    active[i] = false;
                }
            }
        }
        return shares;
    }
}
