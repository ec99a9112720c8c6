package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule's view of the cart inside its stage, with the money helpers every rule must use. */
public final class StageContext {

    private final Cart cart;
    private final List<LineState> lines;
    private final long reservedMinimum;
    private long freightRemaining;
    private final boolean oneOfferPerLine;
    /** Lines each candidate covers (bit k = line k, by input order), or null for carts over 64 lines. */
    private final long[] coverage;
    /** The promotion of the rule being applied and its coverage, so {@link #eligible} needs no scope check. */
    private Promotion currentPromotion;

    private long currentCoverage;

    StageContext(
            Cart cart,
            List<LineState> lines,
            long reservedMinimum,
            long freightRemaining,
            boolean oneOfferPerLine,
            long[] coverage) {
        this.oneOfferPerLine = oneOfferPerLine;
        this.cart = cart;
        this.lines = lines;
        this.reservedMinimum = reservedMinimum;
        this.freightRemaining = freightRemaining;
        this.coverage = coverage;
    }

    /** The candidate whose rule runs next (its precomputed coverage answers {@link #eligible}). */
    void current(Candidate candidate) {
        if (coverage == null) {
            return;
        }
        currentPromotion = candidate.promotion();
        currentCoverage = coverage[candidate.inputOrder()];
    }

    public Cart cart() {
        return cart;
    }

    public long freightRemaining() {
        return freightRemaining;
    }

    /** The pipeline reuses one context for the rules of a run; freight left changes between them. */
    void freightRemaining(long remaining) {
        this.freightRemaining = remaining;
    }

    /**
     * Lines the promotion's scope covers, in cart order; under the one-offer-per-line policy, lines an
     * earlier offer of this stage already took are left out.
     */
    public List<PricedLine> eligible(Promotion promotion) {
        if (promotion == currentPromotion) {
            var result = new ArrayList<PricedLine>(Long.bitCount(currentCoverage));
            for (long bits = currentCoverage; bits != 0; bits &= bits - 1) {
                LineState l = lines.get(Long.numberOfTrailingZeros(bits));
                if (!(oneOfferPerLine && l.takenInStage)) {
                    result.add(priced(l));
                }
            }
            return result;
        }
        var result = new ArrayList<PricedLine>();
        for (LineState l : lines) {
            if (promotion.scope().covers(l.line) && !(oneOfferPerLine && l.takenInStage)) {
                result.add(priced(l));
            }
        }
        return result;
    }

    /** The rule's view of a line, reused while the line has not changed (most lines don't between rules). */
    private static PricedLine priced(LineState l) {
        PricedLine view = l.view;
        int available = l.line.quantity() - l.consumedUnits;
        if (view == null
                || view.current() != l.current
                || view.stageEntry() != l.stageEntry
                || view.availableUnits() != available) {
            view = new PricedLine(l.line, l.current, l.stageEntry, l.room(), available);
            l.view = view;
        }
        return view;
    }

    /** Amount of these lines when the stage began: what thresholds are measured on. */
    public static long entryAmount(List<PricedLine> lines) {
        long sum = 0;
        for (PricedLine l : lines) {
            sum = Math.addExact(sum, l.stageEntry());
        }
        return sum;
    }

    public static long currentAmount(List<PricedLine> lines) {
        long sum = 0;
        for (PricedLine l : lines) {
            sum = Math.addExact(sum, l.current());
        }
        return sum;
    }

    public static long quantity(List<PricedLine> lines) {
        long sum = 0;
        for (PricedLine l : lines) {
            sum += l.line().quantity();
        }
        return sum;
    }

    /**
     * A discount of {@code requested} fen over {@code lines}, prorated by current amount. It shrinks to
     * what the lines can give without going under their floor prices (or the order under 0.01 when free
     * orders are not allowed); the reason then says so. {@code note} marks an earlier limit (e.g. a cap).
     */
    public Effect discount(long requested, List<PricedLine> lines, ReasonCode note) {
        long[] weights = new long[lines.size()];
        long[] caps = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            weights[i] = lines.get(i).current();
            caps[i] = Long.MAX_VALUE;
        }
        return discount(requested, lines, weights, caps, note, Map.of());
    }

    /** Like {@link #discount(long, List, ReasonCode)} with explicit weights and per-line maximums. */
    public Effect discount(
            long requested,
            List<PricedLine> lines,
            long[] weights,
            long[] maxShares,
            ReasonCode note,
            Map<String, Integer> consumed) {
        if (requested < 0) {
            throw new IllegalArgumentException("discount must not be negative");
        }
        int n = lines.size();
        long[] caps = new long[n];
        long current = 0;
        long room = 0;
        var ids = new String[n];
        int hint = 0;
        for (int i = 0; i < n; i++) {
            PricedLine priced = lines.get(i);
            int k = position(priced, hint);
            LineState state = this.lines.get(k);
            hint = k + 1;
            caps[i] = Math.min(maxShares[i], state.room());
            current += Math.min(weights[i], state.current);
            room += caps[i];
            ids[i] = state.id();
        }
        if (requested == 0) {
            return Effect.notApplicable(ReasonCode.NOTHING_LEFT_TO_DISCOUNT);
        }
        long orderRoom = Math.max(0, orderCurrent() - reservedMinimum);
        long granted = Math.min(requested, Math.min(room, orderRoom));
        ReasonCode reason = note;
        if (granted < requested) {
            boolean floorBound = granted == room && room < current;
            reason = floorBound ? ReasonCode.FLOOR_PRICE_LIMITED : ReasonCode.LIMITED_BY_REMAINING_AMOUNT;
        }
        if (granted == 0) {
            return Effect.notApplicable(reason);
        }
        // prorated when first read: an offer tried alone only needs the total
        var allocations = new Prorated(granted, ids, weights.clone(), caps);
        return new Effect(Outcome.APPLIED, reason, allocations, 0, List.of(), consumed, null);
    }

    /** Free shipping of up to {@code requested} fen. */
    public Effect freight(long requested) {
        if (freightRemaining == 0) {
            return Effect.notApplicable(ReasonCode.NO_FREIGHT);
        }
        long granted = Math.min(requested, freightRemaining);
        return new Effect(
                Outcome.APPLIED,
                granted < freightRemaining ? ReasonCode.CAPPED : null,
                List.of(),
                granted,
                List.of(),
                Map.of(),
                null);
    }

    /** Units available to unit-set offers, flattened, with their current amounts. */
    public List<Unit> availableUnits(List<PricedLine> eligible) {
        var units = new ArrayList<Unit>();
        for (PricedLine p : eligible) {
            LineState state = state(p);
            for (int i = state.consumedUnits; i < state.line.quantity(); i++) {
                units.add(new Unit(
                        state.id(), i, state.unitAmount(i), Math.max(0, state.unitAmount(i) - state.unitFloor())));
            }
        }
        return units;
    }

    /** The working line behind what a rule saw (same cart line object; by id for lines built elsewhere). */
    private LineState state(PricedLine priced) {
        return lines.get(position(priced, 0));
    }

    /**
     * Position of the working line behind what a rule saw: the same cart line object, looked for from
     * {@code hint} on first (rules see lines in cart order), or by id for lines built elsewhere.
     */
    private int position(PricedLine priced, int hint) {
        CartLine line = priced.line();
        int n = lines.size();
        for (int k = hint; k < n; k++) {
            if (lines.get(k).line == line) {
                return k;
            }
        }
        for (int k = 0; k < hint && k < n; k++) {
            if (lines.get(k).line == line) {
                return k;
            }
        }
        for (int k = 0; k < n; k++) {
            if (lines.get(k).id().equals(priced.lineId())) {
                return k;
            }
        }
        throw new IllegalArgumentException("no line " + priced.lineId());
    }

    private long orderCurrent() {
        long sum = 0;
        for (LineState l : lines) {
            sum = Math.addExact(sum, l.current);
        }
        return sum;
    }

    /** One unit of a line: its current amount and how much of it may be discounted. */
    public record Unit(String lineId, int index, long amount, long room) {}
}
