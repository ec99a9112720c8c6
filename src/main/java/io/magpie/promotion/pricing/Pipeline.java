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
        var ordered = new ArrayList<>(combination);
        ordered.sort(Candidate.APPLICATION_ORDER);
        var state = new State(cart, priced, reservedMinimum, oneOfferPerLine, coverage);
        var outcomes = new HashMap<String, CandidateOutcome>();
        for (Candidate c : ordered) {
            outcomes.put(c.id(), state.step(c));
        }
        return state.run(outcomes);
    }

    /**
     * The pipeline part-way through a combination (members applied in {@link Candidate#APPLICATION_ORDER}).
     * A member's effect depends only on the members applied before it, so the search shares a prefix's
     * state between every combination that starts with it ({@link #copy} before a {@link #step}).
     */
    static final class State {
        private final Cart cart;
        private final long reservedMinimum;
        private final boolean oneOfferPerLine;
        private final long[] coverage;
        final List<LineState> lines;
        long thresholdDiscount;
        long couponDiscount;
        List<GiftLine> gifts = List.of();
        long freightLeft;
        long goods;
        Stage stage;
        /** The rules' view of this state's lines (one per state; freight left is set before each rule). */
        private StageContext context;
        /** Whether the last {@link #step} changed anything (lines, freight, gifts, units taken). */
        boolean changed;

        State(Cart cart, List<LineState> priced, long reservedMinimum, boolean oneOfferPerLine, long[] coverage) {
            this.cart = cart;
            this.reservedMinimum = reservedMinimum;
            this.oneOfferPerLine = oneOfferPerLine;
            this.coverage = coverage;
            this.lines = new ArrayList<>(priced.size());
            long sum = 0;
            for (LineState l : priced) {
                lines.add(new LineState(l));
                sum = Math.addExact(sum, l.current);
            }
            this.goods = sum;
            this.freightLeft = cart.freight();
        }

        private State(State other) {
            this.cart = other.cart;
            this.reservedMinimum = other.reservedMinimum;
            this.oneOfferPerLine = other.oneOfferPerLine;
            this.coverage = other.coverage;
            this.lines = new ArrayList<>(other.lines.size());
            for (LineState l : other.lines) {
                lines.add(new LineState(l));
            }
            this.thresholdDiscount = other.thresholdDiscount;
            this.couponDiscount = other.couponDiscount;
            this.gifts = other.gifts;
            this.freightLeft = other.freightLeft;
            this.goods = other.goods;
            this.stage = other.stage;
        }

        State copy() {
            return new State(this);
        }

        /** Payable total so far (goods + freight left). */
        long payable() {
            return goods + freightLeft;
        }

        /** Applies the next member (after every member applied so far in application order). */
        CandidateOutcome step(Candidate c) {
            if (c.stage() != stage) {
                stage = c.stage();
                for (LineState l : lines) {
                    l.stageEntry = l.current;
                    l.consumedUnits = 0;
                    l.takenInStage = false;
                }
            }
            if (context == null) {
                context = new StageContext(cart, lines, reservedMinimum, freightLeft, oneOfferPerLine, coverage);
            } else {
                context.freightRemaining(freightLeft);
            }
            Effect effect = apply(c, context);
            changed = !effect.allocations().isEmpty()
                    || effect.freightDiscount() != 0
                    || !effect.gifts().isEmpty()
                    || !effect.consumedUnits().isEmpty();
            long discount = 0;
            int hint = 0;
            for (Allocation a : effect.allocations()) {
                int k = find(lines, a.lineId(), hint);
                LineState l = k < 0 ? null : lines.get(k);
                if (l != null) {
                    hint = k + 1;
                    l.current -= a.amount();
                    l.takenInStage = true;
                    goods -= a.amount();
                }
                discount += a.amount();
            }
            if (!effect.consumedUnits().isEmpty()) {
                for (var consumed : effect.consumedUnits().entrySet()) {
                    int k = find(lines, consumed.getKey(), 0);
                    LineState l = k < 0 ? null : lines.get(k);
                    if (l != null) {
                        l.consumedUnits += consumed.getValue();
                        l.takenInStage = true;
                    }
                }
            }
            freightLeft -= effect.freightDiscount();
            if (!effect.gifts().isEmpty()) {
                var more = new ArrayList<GiftLine>(gifts.size() + effect.gifts().size());
                more.addAll(gifts);
                more.addAll(effect.gifts());
                gifts = more;
            }
            if (c.stage() == Stage.COUPON) {
                couponDiscount += discount;
            } else {
                thresholdDiscount += discount;
            }
            return outcome(c, effect);
        }

        Run run(Map<String, CandidateOutcome> outcomes) {
            return new Run(
                    lines, outcomes, thresholdDiscount, couponDiscount, cart.freight() - freightLeft, gifts, payable());
        }
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

    /**
     * Position of the line with this id, or -1: the same id object from {@code hint} on first (allocations
     * carry the lines' own ids, in cart order), then by equality.
     */
    private static int find(List<LineState> lines, String id, int hint) {
        int n = lines.size();
        for (int k = hint; k < n; k++) {
            if (lines.get(k).id() == id) {
                return k;
            }
        }
        for (int k = 0; k < n; k++) {
            if (lines.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
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
        long discount = Prorated.sum(allocations);
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
