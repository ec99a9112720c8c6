package io.magpie.promotion.pricing;

import java.util.List;
import java.util.Map;

/**
 * What one rule did in its stage; the engine applies it to the lines.
 *
 * @param consumedUnits units of each line used by a unit-set offer, no longer available in this stage
 */
public record Effect(
        Outcome outcome,
        ReasonCode reason,
        List<Allocation> allocations,
        long freightDiscount,
        List<GiftLine> gifts,
        Map<String, Integer> consumedUnits,
        Nudge nudge) {

    public Effect {
        allocations = allocations instanceof Prorated ? allocations : List.copyOf(allocations);
        gifts = List.copyOf(gifts);
        consumedUnits = Map.copyOf(consumedUnits);
    }

    public static Effect notApplicable(ReasonCode reason) {
        return notApplicable(reason, null);
    }

    public static Effect notApplicable(ReasonCode reason, Nudge nudge) {
        return new Effect(Outcome.NOT_APPLICABLE, reason, List.of(), 0, List.of(), Map.of(), nudge);
    }

    public long discount() {
        return Prorated.sum(allocations);
    }

    public Effect withNudge(Nudge newNudge) {
        return new Effect(outcome, reason, allocations, freightDiscount, gifts, consumedUnits, newNudge);
    }

    public Effect withConsumed(Map<String, Integer> consumed) {
        return new Effect(outcome, reason, allocations, freightDiscount, gifts, consumed, nudge);
    }
}
