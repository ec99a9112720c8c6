package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * Finds the allowed combination with the lowest payable total. Exact branch and bound up to
 * {@link #EXACT_LIMIT} interacting candidates, greedy beyond.
 *
 * <p>Bound: a candidate never saves more inside a combination than alone on the same cart when its rule
 * is {@linkplain OfferRule#monotone monotone}; otherwise it is credited with the whole room of its lines.
 * A branch whose optimistic total is worse than the best found is dropped; ties are explored so the
 * tie-break (fewest coupons, soonest-expiring coupon, then ids) is exact too.
 */
final class BestCombination {

    /** Candidates beyond this many (after dropping those that cannot apply) use the greedy heuristic. */
    static final int EXACT_LIMIT = 12;

    private final Cart cart;
    private final List<LineState> priced;
    private final StackingPolicy policy;
    private final long reservedMinimum;
    /** The most each candidate can add to a combination, by input order. */
    private final long[] optimisticGain;

    private final long[] coverage;
    private Choice best;

    /** A combination and its run. */
    record Choice(List<Candidate> members, Pipeline.Run run) {}

    BestCombination(
            Cart cart,
            List<LineState> priced,
            StackingPolicy policy,
            long reservedMinimum,
            long[] optimisticGain,
            long[] coverage) {
        this.coverage = coverage;
        this.cart = cart;
        this.priced = priced;
        this.policy = policy;
        this.reservedMinimum = reservedMinimum;
        this.optimisticGain = optimisticGain;
    }

    Choice exact(List<Candidate> candidates) {
        // application order: a member's effect depends only on the members before it, so every node keeps
        // its prefix's pipeline state and a leaf costs one rule application instead of a pipeline run
        var sorted = new ArrayList<>(candidates);
        sorted.sort(Candidate.APPLICATION_ORDER);
        long[] suffixGain = new long[sorted.size() + 1];
        for (int i = sorted.size() - 1; i >= 0; i--) {
            suffixGain[i] = suffixGain[i + 1] + optimisticGain[sorted.get(i).inputOrder()];
        }
        best = null;
        var start = new Pipeline.State(cart, priced, reservedMinimum, policy.oneOfferPerLine(), coverage);
        search(sorted, 0, new ArrayList<>(), new ArrayList<>(), start, suffixGain);
        return best;
    }

    Choice greedy(List<Candidate> candidates) {
        var sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong((Candidate c) -> optimisticGain[c.inputOrder()])
                .reversed()
                .thenComparing(Candidate::id));
        var chosen = new ArrayList<Candidate>();
        Choice current = evaluate(chosen);
        for (Candidate c : sorted) {
            if (!StackingRules.canAdd(chosen, c, policy)) {
                continue;
            }
            var trial = new ArrayList<>(chosen);
            trial.add(c);
            Choice next = evaluate(trial);
            if (better(next.run().payable(), next.members(), next.run().gifts().size(), current) < 0) {
                chosen = trial;
                current = next;
            }
        }
        return current;
    }

    Choice evaluate(List<Candidate> members) {
        return new Choice(
                List.copyOf(members),
                Pipeline.run(cart, priced, members, reservedMinimum, policy.oneOfferPerLine(), coverage));
    }

    /**
     * Bound: the prefix's members are applied for good (later members do not change them); each later
     * member saves at most its optimistic gain. Ties are explored so the tie-break stays exact.
     */
    private void search(
            List<Candidate> sorted,
            int index,
            List<Candidate> chosen,
            List<CandidateOutcome> chosenOutcomes,
            Pipeline.State state,
            long[] suffix) {
        if (best != null && state.payable() - suffix[index] > best.run().payable()) {
            return;
        }
        if (index == sorted.size()) {
            // reached only when not worse than the best: a tie on the payable is common, so the tie-break
            // runs on the state before a Choice is built
            if (best == null || better(state.payable(), chosen, state.gifts.size(), best) < 0) {
                var outcomes = new HashMap<String, CandidateOutcome>();
                for (int i = 0; i < chosen.size(); i++) {
                    outcomes.put(chosen.get(i).id(), chosenOutcomes.get(i));
                }
                best = new Choice(List.copyOf(chosen), state.run(outcomes));
            }
            return;
        }
        Candidate next = sorted.get(index);
        if (StackingRules.canAdd(chosen, next, policy)) {
            Pipeline.State with = state.copy();
            CandidateOutcome outcome = with.step(next);
            // a member that changes nothing here leaves every later member as it would be without it: each
            // combination below is a tie on money with one member more than the same one without it, which
            // the tie-break ranks lower (more members, or more coupons), and stacking only gets stricter
            if (with.changed) {
                chosenOutcomes.add(outcome);
                chosen.add(next);
                search(sorted, index + 1, chosen, chosenOutcomes, with, suffix);
                chosen.remove(chosen.size() - 1);
                chosenOutcomes.remove(chosenOutcomes.size() - 1);
            }
        }
        search(sorted, index + 1, chosen, chosenOutcomes, state, suffix);
    }

    /**
     * The tie-break, {@code < 0} when the first combination (possibly not built yet) is better: lower payable,
     * then fewer coupons, then the soonest-expiring coupons, then more gift lines, then fewer members, then
     * the smaller sorted ids.
     */
    static int better(long payable, List<Candidate> members, int gifts, Choice other) {
        int c = Long.compare(payable, other.run().payable());
        if (c != 0) {
            return c;
        }
        List<Candidate> others = other.members();
        int coupons = coupons(members);
        int otherCoupons = coupons(others);
        if (coupons != otherCoupons) {
            return Integer.compare(coupons, otherCoupons);
        }
        if (coupons > 0) {
            c = compareLists(expiries(members), expiries(others));
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(other.run().gifts().size(), gifts);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(members.size(), others.size());
        if (c != 0) {
            return c;
        }
        String[] a = sortedIds(members);
        String[] b = sortedIds(others);
        for (int i = 0; i < a.length; i++) {
            c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int coupons(List<Candidate> members) {
        int n = 0;
        for (Candidate c : members) {
            if (c.isCoupon()) {
                n++;
            }
        }
        return n;
    }

    private static String[] sortedIds(List<Candidate> members) {
        var ids = new String[members.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = members.get(i).id();
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    private static List<Instant> expiries(List<Candidate> members) {
        return members.stream()
                .filter(Candidate::isCoupon)
                .map(Candidate::expiry)
                .sorted()
                .toList();
    }

    private static int compareLists(List<Instant> a, List<Instant> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
