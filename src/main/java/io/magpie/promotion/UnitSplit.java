package io.magpie.promotion;

import java.util.Collection;

/**
 * A line's amount split over its units by largest remainder with equal weights: unit {@code i} carries
 * {@code floor(amount / quantity)} plus one fen when {@code i < amount % quantity} (lower index first on
 * ties). Any set of units carries the sum of its units' shares, so returning the units one by one, in
 * any order, gives back exactly the whole amount. The commerce module splits line amounts the same way.
 */
final class UnitSplit {

    private UnitSplit() {}

    static long share(long amount, int quantity, int unit) {
        if (quantity <= 0 || amount < 0) {
            throw new IllegalArgumentException("quantity must be positive and amount not negative");
        }
        if (unit < 0 || unit >= quantity) {
            throw new IllegalArgumentException("unit " + unit + " is outside 0.." + (quantity - 1));
        }
        return amount / quantity + (unit < amount % quantity ? 1 : 0);
    }

    static long sum(long amount, int quantity, Collection<Integer> units) {
        long sum = 0;
        for (int unit : units) {
            sum += share(amount, quantity, unit);
        }
        return sum;
    }

    /** What the units not in {@code refunded} still carry. */
    static long remaining(long amount, int quantity, Collection<Integer> refunded) {
        return amount - sum(amount, quantity, refunded);
    }
}
