package io.magpie.commerce;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an amount over weights by the largest-remainder (Hamilton) method: every share is the floor
 * of its exact part, and the fen left over go one each to the largest remainders, earlier index first
 * on ties. Shares sum exactly to the amount and none exceeds its weight.
 */
final class Proration {

    private Proration() {}

    static long[] split(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        long total = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total = Math.addExact(total, w);
        }
        if (amount > total) {
            throw new IllegalArgumentException("amount " + amount + " exceeds the total weight " + total);
        }
        long[] shares = new long[weights.length];
        if (amount == 0) {
            return shares;
        }
        long[] remainders = new long[weights.length];
        long allocated = 0;
        for (int i = 0; i < weights.length; i++) {
            long w = weights[i];
            if (w == 0) {
                continue;
            }
            if (amount <= Long.MAX_VALUE / w) {
                long exact = amount * w;
                shares[i] = exact / total;
                remainders[i] = exact % total;
            } else {
                // multiply before dividing, in 128 bits when a long would overflow
                BigInteger[] qr = BigInteger.valueOf(amount)
                        .multiply(BigInteger.valueOf(w))
                        .divideAndRemainder(BigInteger.valueOf(total));
                shares[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            allocated += shares[i];
        }
        long left = amount - allocated;
        if (left > 0) {
            Integer[] order = new Integer[weights.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(
                    order,
                    (a, b) -> remainders[a] != remainders[b]
                            ? Long.compare(remainders[b], remainders[a])
                            : Integer.compare(a, b));
            for (int k = 0; k < left; k++) {
                shares[order[k]]++;
            }
        }
        return shares;
    }
}
