package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs stages 3 and 4 for one combination on a copy of the price-layer lines. Side-effect free. */
final class Pipeline {

    private Pipeline() {}

    /** The priced result of one combination. */
    record Run(
            List<LineState> lines,
            Map<String, CandidateOutcome> outcomes,
            Map<Stage, Long> discountByStage,
            long freightDiscount,
            List<GiftLine> gifts,
            long payable) {}

    static Run run(
            Cart cart,
            List<LineState> priced,
            List<Candidate> combination,
            long reservedMinimum,
            boolean oneOfferPerLine) {
        var lines = new ArrayList<LineState>();
        priced.forEach(l -> lines.add(new LineState(l)));
        var ordered = new ArrayList<>(combination);
        ordered.sort(Candidate.APPLICATION_ORDER);
        var outcomes = new LinkedHashMap<String, CandidateOutcome>();
        var byStage = new EnumMap<Stage, Long>(Stage.class);
        var gifts = new ArrayList<GiftLine>();
        long freightLeft = cart.freight();
        Stage stage = null;
        var context = new StageContext(cart, lines, reservedMinimum, freightLeft, oneOfferPerLine);
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
            Effect effect;
            try {
                effect = ((OfferRule) c.type()).apply(c.promotion(), context);
            } catch (RuleType.InvalidConfigException e) {
                effect = Effect.notApplicable(ReasonCode.INVALID_CONFIG);
            }
            long discount = 0;
            for (Allocation a : effect.allocations()) {
                for (LineState l : lines) {
                    if (l.id().equals(a.lineId())) {
                        l.current -= a.amount();
                        l.takenInStage = true;
                    }
                }
                discount += a.amount();
            }
            for (var consumed : effect.consumedUnits().entrySet()) {
                for (LineState l : lines) {
                    if (l.id().equals(consumed.getKey())) {
                        l.consumedUnits += consumed.getValue();
                        l.takenInStage = true;
                    }
                }
            }
            freightLeft -= effect.freightDiscount();
            gifts.addAll(effect.gifts());
            byStage.merge(c.stage(), discount, Long::sum);
            outcomes.put(
                    c.id(),
                    outcome(
                            c,
                            effect.outcome(),
                            effect.reason(),
                            effect.allocations(),
                            effect.freightDiscount(),
                            effect.gifts(),
                            effect.nudge()));
        }
        long goods = lines.stream().mapToLong(l -> l.current).reduce(0, Math::addExact);
        return new Run(lines, outcomes, byStage, cart.freight() - freightLeft, gifts, goods + freightLeft);
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
