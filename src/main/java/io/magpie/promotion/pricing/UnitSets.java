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

    /** Most expensive first; ties by line id then unit index, so grouping is deterministic. */
    static List<Unit> mostExpensiveFirst(List<Unit> units) {
        var sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingLong(Unit::amount)
                .reversed()
                .thenComparing(Unit::lineId)
                .thenComparingInt(Unit::index));
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
        var lines = new ArrayList<PricedLine>();
        var weights = new ArrayList<Long>();
        var caps = new ArrayList<Long>();
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
                weights.add(weight);
                caps.add(cap);
            }
        }
        return context.discount(
                requested,
                lines,
                weights.stream().mapToLong(Long::longValue).toArray(),
                caps.stream().mapToLong(Long::longValue).toArray(),
                null,
                consumed);
    }
}
