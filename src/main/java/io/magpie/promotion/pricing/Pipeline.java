package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs stages 3 and 4 for one combination on a copy of the price-layer lines. Side-effect free. */
final class Pipeline {

    private Pipeline() {}

    /** The priced result of one combination. */
    record Run(
            List<LineState> lines,
            Map<String, CandidateOutcome> outcomes,
            long thresholdDiscount,
            long couponDiscount,
            long freightDiscount,
            List<GiftLine> gifts,
            long payable) {}

    static Run run(
            Cart cart,
            List<LineState> priced,
            List<Candidate> combination,
            long reservedMinimum,
            boolean oneOfferPerLine) {
        return run(cart, priced, combination, reservedMinimum, oneOfferPerLine, null);
    }

    /**
     * @param coverage lines each candidate covers (bit per line, by input order), or null to check scopes
     */
    static Run run(
            Cart cart,
            List<LineState> priced,
            List<Candidate> combination,
            long reservedMinimum,
            boolean oneOfferPerLine,
            long[] coverage) {
        var lines = new ArrayList<LineState>(priced.size());
        for (LineState l : priced) {
            lines.add(new LineState(l));
        }
        var ordered = new ArrayList<>(combination);
        ordered.sort(Candidate.APPLICATION_ORDER);
        var outcomes = new HashMap<String, CandidateOutcome>();
        long thresholdDiscount = 0;
        long couponDiscount = 0;
        List<GiftLine> gifts = List.of();
        long freightLeft = cart.freight();
        Stage stage = null;
        var context = new StageContext(cart, lines, reservedMinimum, freightLeft, oneOfferPerLine, coverage);
        for (Candidate c : ordered) {
            if (c.stage() != stage) {
                stage = c.stage();
                for (LineState l : lines) {
                    l.stageEntry = l.current;
                    l.consumedUnits = 0;
                    l.takenInStage = false;
                }
            }
            context.freightRemaining(freightLeft);
            Effect effect = apply(c, context);
            long discount = 0;
            for (Allocation a : effect.allocations()) {
                LineState l = find(lines, a.lineId());
                if (l != null) {
                    l.current -= a.amount();
                    l.takenInStage = true;
                }
                discount += a.amount();
            }
            if (!effect.consumedUnits().isEmpty()) {
                for (var consumed : effect.consumedUnits().entrySet()) {
                    LineState l = find(lines, consumed.getKey());
                    if (l != null) {
                        l.consumedUnits += consumed.getValue();
                        l.takenInStage = true;
                    }
                }
            }
            freightLeft -= effect.freightDiscount();
            if (!effect.gifts().isEmpty()) {
                if (gifts.isEmpty()) {
                    gifts = new ArrayList<>();
                }
                gifts.addAll(effect.gifts());
            }
            if (c.stage() == Stage.COUPON) {
                couponDiscount += discount;
            } else {
                thresholdDiscount += discount;
            }
            outcomes.put(c.id(), outcome(c, effect));
        }
        long goods = 0;
        for (LineState l : lines) {
            goods = Math.addExact(goods, l.current);
        }
        return new Run(
                lines,
                outcomes,
                thresholdDiscount,
                couponDiscount,
                cart.freight() - freightLeft,
                gifts,
                goods + freightLeft);
    }

    /** Applies the candidate's rule in the context (a config of the wrong kind is reported, not thrown). */
    static Effect apply(Candidate c, StageContext context) {
        context.current(c);
        try {
            return ((OfferRule) c.type()).apply(c.promotion(), context);
        } catch (RuleType.InvalidConfigException e) {
            return Effect.notApplicable(ReasonCode.INVALID_CONFIG);
        }
    }

    private static LineState find(List<LineState> lines, String id) {
        for (LineState l : lines) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }

    static CandidateOutcome outcome(Candidate c, Effect effect) {
        return outcome(
                c,
                effect.outcome(),
                effect.reason(),
                effect.allocations(),
                effect.freightDiscount(),
                effect.gifts(),
                effect.nudge());
    }

    static CandidateOutcome outcome(
            Candidate c,
            Outcome outcome,
            ReasonCode reason,
            List<Allocation> allocations,
            long freightDiscount,
            List<GiftLine> gifts,
            Nudge nudge) {
        long discount = 0;
        for (Allocation a : allocations) {
            discount += a.amount();
        }
        return new CandidateOutcome(
                c.id(),
                c.promotion().id(),
                c.isCoupon(),
                c.type() == null ? null : c.type().stage(),
                outcome,
                reason,
                discount,
                freightDiscount,
                allocations,
                gifts,
                nudge);
    }
}
