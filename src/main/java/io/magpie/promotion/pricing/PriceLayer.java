package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Stages 1 and 2, one at a time: for each line the lowest unit price proposed by the stage's rules
 * applies (e.g. limited-time or member price, not both), never below the line's floor price.
 */
final class PriceLayer {

    private PriceLayer() {}

    /** Sets each line's amount to its price-layer amount and returns the outcome per candidate id. */
    static Map<String, CandidateOutcome> apply(
            Cart cart, List<LineState> lines, List<Candidate> candidates, long reservedMinimum) {
        return apply(cart, lines, candidates, reservedMinimum, null);
    }

    /** @param coverage lines each candidate covers (bit per line, by input order), or null to check scopes */
    static Map<String, CandidateOutcome> apply(
            Cart cart, List<LineState> lines, List<Candidate> candidates, long reservedMinimum, long[] coverage) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        var allocations = new LinkedHashMap<String, List<Allocation>>();
        var limits = new LinkedHashMap<String, ReasonCode>();
        var proposed = new LinkedHashMap<String, Boolean>();
        candidates.forEach(c -> {
            allocations.put(c.id(), new ArrayList<>());
            proposed.put(c.id(), false);
        });
        for (int k = 0; k < lines.size(); k++) {
            LineState state = lines.get(k);
            CartLine line = state.line;
            long entryUnit = state.current / line.quantity();
            Candidate winner = null;
            long best = entryUnit;
            for (Candidate c : candidates) {
                boolean covered = coverage == null
                        ? c.promotion().scope().covers(line)
                        : (coverage[c.inputOrder()] & (1L << k)) != 0;
                if (!covered) {
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
                limits.put(winner.id(), ReasonCode.FLOOR_PRICE_LIMITED);
            }
            long discount = Math.multiplyExact(entryUnit - best, (long) line.quantity());
            if (discount > 0) {
                state.current -= discount;
                allocations.get(winner.id()).add(new Allocation(line.lineId(), discount));
            }
        }
        keepMinimum(lines, allocations, limits, reservedMinimum);
        var outcomes = new LinkedHashMap<String, CandidateOutcome>();
        for (Candidate c : candidates) {
            List<Allocation> given = allocations.get(c.id());
            long discount = given.stream().mapToLong(Allocation::amount).sum();
            Outcome outcome;
            ReasonCode reason;
            if (discount > 0) {
                outcome = Outcome.APPLIED;
                reason = limits.get(c.id());
            } else if (limits.containsKey(c.id())) {
                outcome = Outcome.NOT_APPLICABLE;
                reason = limits.get(c.id());
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

    /** Free orders not allowed: the last discounted line gives back what keeps the total at the minimum. */
    private static void keepMinimum(
            List<LineState> lines,
            Map<String, List<Allocation>> allocations,
            Map<String, ReasonCode> limited,
            long reservedMinimum) {
        long total = lines.stream().mapToLong(l -> l.current).sum();
        long missing = reservedMinimum - total;
        for (int i = lines.size() - 1; i >= 0 && missing > 0; i--) {
            LineState line = lines.get(i);
            for (var entry : allocations.entrySet()) {
                List<Allocation> given = entry.getValue();
                for (int k = 0; k < given.size() && missing > 0; k++) {
                    Allocation a = given.get(k);
                    if (a.lineId().equals(line.id())) {
                        long back = Math.min(missing, a.amount());
                        line.current += back;
                        missing -= back;
                        given.set(k, new Allocation(a.lineId(), a.amount() - back));
                        limited.put(entry.getKey(), ReasonCode.LIMITED_BY_REMAINING_AMOUNT);
                    }
                }
                given.removeIf(a -> a.amount() == 0);
            }
        }
    }
}
