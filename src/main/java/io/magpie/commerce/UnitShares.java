package io.magpie.commerce;

import java.util.Collection;

/**
 * What each unit of a line is worth: the line amount split over its quantity by largest remainder,
 * where unit {@code i} gets {@code floor(amount / quantity)} plus one fen when {@code i < amount % quantity}.
 * Refunding every unit therefore returns exactly the line amount.
 */
final class UnitShares {

    private UnitShares() {}

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
}
