package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Stage 2: for each line the lowest unit price proposed by the price rules applies (limited-time or
 * member price, not both), never below the line's floor price.
 */
final class PriceLayer {

    private PriceLayer() {}

    /** Sets each line's amount to its price-layer amount and returns the outcome per candidate id. */
    static Map<String, CandidateOutcome> apply(Cart cart, List<LineState> lines, List<Candidate> candidates) {
        var allocations = new LinkedHashMap<String, List<Allocation>>();
        var floorLimited = new LinkedHashMap<String, Boolean>();
        var proposed = new LinkedHashMap<String, Boolean>();
        candidates.forEach(c -> {
            allocations.put(c.id(), new ArrayList<>());
            proposed.put(c.id(), false);
            floorLimited.put(c.id(), false);
        });
        for (LineState state : lines) {
            CartLine line = state.line;
            long entryUnit = line.unitPrice();
            Candidate winner = null;
            long best = entryUnit;
            for (Candidate c : candidates) {
                if (!c.promotion().scope().covers(line)) {
                    continue;
                }
                OptionalLong price = ((PriceRule) c.type()).unitPrice(c.promotion(), line, entryUnit, cart);
                if (price.isEmpty()) {
                    continue;
                }
                proposed.put(c.id(), true);
                long candidatePrice = Math.max(0, price.getAsLong());
                if (candidatePrice < best) {
                    best = candidatePrice;
                    winner = c;
                }
            }
            if (winner == null) {
                continue;
            }
            long unitFloor = state.unitFloor();
            if (best < unitFloor) {
                best = unitFloor;
                floorLimited.put(winner.id(), true);
            }
            long discount = Math.multiplyExact(entryUnit - best, (long) line.quantity());
            if (discount > 0) {
                state.current -= discount;
                allocations.get(winner.id()).add(new Allocation(line.lineId(), discount));
            }
        }
        var outcomes = new LinkedHashMap<String, CandidateOutcome>();
        for (Candidate c : candidates) {
            List<Allocation> given = allocations.get(c.id());
            long discount = given.stream().mapToLong(Allocation::amount).sum();
            Outcome outcome;
            ReasonCode reason;
            if (discount > 0) {
                outcome = Outcome.APPLIED;
                reason = floorLimited.get(c.id()) ? ReasonCode.FLOOR_PRICE_LIMITED : null;
            } else if (floorLimited.get(c.id())) {
                outcome = Outcome.NOT_APPLICABLE;
                reason = ReasonCode.FLOOR_PRICE_LIMITED;
            } else if (proposed.get(c.id())) {
                outcome = Outcome.SKIPPED;
                reason = ReasonCode.SUPERSEDED_BY_BETTER_PRICE;
            } else {
                outcome = Outcome.NOT_APPLICABLE;
                reason = ReasonCode.NO_ELIGIBLE_ITEMS;
            }
            outcomes.put(c.id(), Pipeline.outcome(c, outcome, reason, given, 0, List.of(), null));
        }
        return outcomes;
    }
}
