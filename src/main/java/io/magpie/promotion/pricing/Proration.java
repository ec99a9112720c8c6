package io.magpie.promotion.pricing;

import java.math.BigInteger;
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
        if (n == 1) {
            // one line takes it all (total is within its capacity)
            shares[0] = total;
            return shares;
        }
        long remaining = total;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = capacities[i] > 0;
        }
        // working arrays of one round, reused by the next (a round only repeats when a line hit its cap)
        long[] w = new long[n];
        long[] portion = new long[n];
        long[] remainders = new long[n];
        int[] order = new int[n];
        while (remaining > 0) {
            long weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (active[i]) {
                    weightSum += weights[i];
                }
            }
            boolean byCapacity = weightSum == 0;
            long sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = active[i] ? (byCapacity ? capacities[i] - shares[i] : weights[i]) : 0;
                sum = Math.addExact(sum, w[i]);
            }
            int ranked = 0;
            long given = 0;
            for (int i = 0; i < n; i++) {
                long product = remaining * w[i];
                if (Math.multiplyHigh(remaining, w[i]) == 0 && product >= 0) {
                    portion[i] = product / sum;
                    remainders[i] = product % sum;
                } else {
                    // remaining × weight beyond 63 bits: exact in BigInteger (the remainder is below sum)
                    BigInteger[] qr = BigInteger.valueOf(remaining)
                            .multiply(BigInteger.valueOf(w[i]))
                            .divideAndRemainder(BigInteger.valueOf(sum));
                    portion[i] = qr[0].longValueExact();
                    remainders[i] = qr[1].longValueExact();
                }
                given += portion[i];
                if (w[i] > 0) {
                    // insertion by remainder, larger first; ties to the smaller id
                    int k = ranked++;
                    while (k > 0 && before(i, order[k - 1], remainders, ids)) {
                        order[k] = order[k - 1];
                        k--;
                    }
                    order[k] = i;
                }
            }
            long leftover = remaining - given;
            for (int k = 0; k < leftover; k++) {
                portion[order[k]]++;
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

    private static boolean before(int a, int b, long[] remainders, List<String> ids) {
        return remainders[a] != remainders[b]
                ? remainders[a] > remainders[b]
                : ids.get(a).compareTo(ids.get(b)) < 0;
    }
}
