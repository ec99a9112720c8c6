package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.StageContext.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for offers over sets of units (buy X get Y, N for a price). */
final class UnitSets {

    private UnitSets() {}

    private static final Comparator<Unit> DEAREST_FIRST = (a, b) -> {
        int c = Long.compare(b.amount(), a.amount());
        if (c != 0) {
            return c;
        }
        c = a.lineId().compareTo(b.lineId());
        return c != 0 ? c : Integer.compare(a.index(), b.index());
    };

    /** Most expensive first; ties by line id then unit index, so grouping is deterministic. */
    static List<Unit> mostExpensiveFirst(List<Unit> units) {
        var sorted = new ArrayList<>(units);
        sorted.sort(DEAREST_FIRST);
        return sorted;
    }

    static Map<String, Integer> count(List<Unit> units) {
        var counts = new LinkedHashMap<String, Integer>();
        units.forEach(u -> counts.merge(u.lineId(), 1, Integer::sum));
        return counts;
    }

    /** Discount {@code requested} over the given units' lines, weighted by those units' amounts. */
    static Effect discountUnits(
            StageContext context,
            List<PricedLine> eligible,
            List<Unit> discounted,
            long requested,
            Map<String, Integer> consumed) {
        var lines = new ArrayList<PricedLine>(eligible.size());
        long[] weights = new long[eligible.size()];
        long[] caps = new long[eligible.size()];
        int n = 0;
        for (PricedLine line : eligible) {
            long weight = 0;
            long cap = 0;
            for (Unit u : discounted) {
                if (u.lineId().equals(line.lineId())) {
                    weight += u.amount();
                    cap += u.room();
                }
            }
            if (weight > 0) {
                lines.add(line);
                weights[n] = weight;
                caps[n] = cap;
                n++;
            }
        }
        return context.discount(
                requested,
                lines,
                java.util.Arrays.copyOf(weights, n),
                java.util.Arrays.copyOf(caps, n),
                null,
                consumed);
    }
}
