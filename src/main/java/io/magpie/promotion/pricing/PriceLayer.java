package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Stages 1 and 2, one at a time: for each line the lowest unit price proposed by the stage's rules
 * applies (e.g. limited-time or member price, not both), never below the line's floor price.
 */
final class PriceLayer {

    private PriceLayer() {}

    /**
     * Sets each line's amount to its price-layer amount and returns the outcome of each candidate, in the
     * order given.
     *
     * @param coverage lines each candidate covers (bit per line, by input order), or null to check scopes
     */
    static CandidateOutcome[] apply(
            Cart cart, List<LineState> lines, List<Candidate> candidates, long reservedMinimum, long[] coverage) {
        int n = candidates.size();
        var outcomes = new CandidateOutcome[n];
        if (n == 0) {
            return outcomes;
        }
        @SuppressWarnings("unchecked")
        List<Allocation>[] allocations = new List[n];
        var limits = new ReasonCode[n];
        var proposed = new boolean[n];
        for (int k = 0; k < lines.size(); k++) {
            LineState state = lines.get(k);
            CartLine line = state.line;
            long entryUnit = state.current / line.quantity();
            int winner = -1;
            long best = entryUnit;
            for (int i = 0; i < n; i++) {
                Candidate c = candidates.get(i);
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
                proposed[i] = true;
                long candidatePrice = Math.max(0, price.getAsLong());
                if (candidatePrice < best) {
                    best = candidatePrice;
                    winner = i;
                }
            }
            if (winner < 0) {
                continue;
            }
            long unitFloor = state.unitFloor();
            if (best < unitFloor) {
                best = unitFloor;
                limits[winner] = ReasonCode.FLOOR_PRICE_LIMITED;
            }
            long discount = Math.multiplyExact(entryUnit - best, (long) line.quantity());
            if (discount > 0) {
                state.current -= discount;
                if (allocations[winner] == null) {
                    allocations[winner] = new ArrayList<>(2);
                }
                allocations[winner].add(new Allocation(line.lineId(), discount));
            }
        }
        keepMinimum(lines, allocations, limits, reservedMinimum);
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            List<Allocation> given = allocations[i] == null ? List.of() : allocations[i];
            long discount = 0;
            for (Allocation a : given) {
                discount += a.amount();
            }
            Outcome outcome;
            ReasonCode reason;
            if (discount > 0) {
                outcome = Outcome.APPLIED;
                reason = limits[i];
            } else if (limits[i] != null) {
                outcome = Outcome.NOT_APPLICABLE;
                reason = limits[i];
            } else if (proposed[i]) {
                outcome = Outcome.SKIPPED;
                reason = ReasonCode.SUPERSEDED_BY_BETTER_PRICE;
            } else {
                outcome = Outcome.NOT_APPLICABLE;
                reason = ReasonCode.NO_ELIGIBLE_ITEMS;
            }
            outcomes[i] = Pipeline.outcome(c, outcome, reason, given, 0, List.of(), null);
        }
        return outcomes;
    }

    /** Free orders not allowed: the last discounted line gives back what keeps the total at the minimum. */
    private static void keepMinimum(
            List<LineState> lines, List<Allocation>[] allocations, ReasonCode[] limited, long reservedMinimum) {
        long total = 0;
        for (LineState l : lines) {
            total += l.current;
        }
        long missing = reservedMinimum - total;
        for (int i = lines.size() - 1; i >= 0 && missing > 0; i--) {
            LineState line = lines.get(i);
            for (int c = 0; c < allocations.length; c++) {
                List<Allocation> given = allocations[c];
                if (given == null) {
                    continue;
                }
                for (int k = 0; k < given.size() && missing > 0; k++) {
                    Allocation a = given.get(k);
                    if (a.lineId().equals(line.id())) {
                        long back = Math.min(missing, a.amount());
                        line.current += back;
                        missing -= back;
                        given.set(k, new Allocation(a.lineId(), a.amount() - back));
                        limited[c] = ReasonCode.LIMITED_BY_REMAINING_AMOUNT;
                    }
                }
                given.removeIf(a -> a.amount() == 0);
            }
        }
    }
}
