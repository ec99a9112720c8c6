package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import io.magpie.promotion.pricing.CandidateOutcome;
import io.magpie.promotion.pricing.EvaluationResult;
import io.magpie.promotion.pricing.Outcome;
import io.magpie.promotion.pricing.ReasonCode;
import io.magpie.promotion.pricing.SearchMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every cart through the four implementations and fails (an exception) unless all payable totals
 * are identical; also fails when the rule set does not exercise what it claims to (every kind must
 * both apply and miss on some carts).
 */
public final class CrossCheck {

    private CrossCheck() {}

    /** Checks and returns the sum of payable totals over the carts (the same for every implementation). */
    public static long run(RuleSet rules, MagpieEvaluator magpie, List<Evaluator> peers, boolean print) {
        long sum = 0;
        var modes = new EnumMap<SearchMode, Integer>(SearchMode.class);
        var applied = new TreeMap<String, Integer>();
        var missed = new TreeMap<String, Integer>();
        var kinds = new java.util.HashMap<String, RuleSet.Kind>();
        rules.promotions.forEach(p -> kinds.put(p.id(), p.kind()));
        int maxSearched = 0;
        long searchedTotal = 0;
        long subtotal = 0;
        for (int i = 0; i < rules.carts.size(); i++) {
            BenchCart cart = rules.carts.get(i);
            EvaluationResult result = magpie.evaluate(cart);
            long expected = result.payable();
            for (Evaluator peer : peers) {
                long got = peer.payable(cart);
                if (got != expected) {
                    throw new IllegalStateException(String.format(
                            "cart %d: %s payable %d but promotion engine %d%n  cart: %s%n  selected: %s%n  outcomes: %s",
                            i, peer.name(), got, expected, cart, result.selected(), applied(result)));
                }
            }
            sum += expected;
            subtotal += result.subtotal() + result.freight();
            modes.merge(result.searchMode(), 1, Integer::sum);
            int searched = 0;
            for (CandidateOutcome o : result.candidates()) {
                String kind = kinds.get(o.promotionId()).name();
                if (o.outcome() == Outcome.APPLIED) {
                    applied.merge(kind, 1, Integer::sum);
                    if (o.stage() != null && o.stage().number() >= 3) {
                        searched++;
                    }
                } else if (o.reason() == ReasonCode.THRESHOLD_NOT_MET) {
                    missed.merge(kind, 1, Integer::sum);
                } else if (o.reason() == ReasonCode.NOT_BENEFICIAL || o.reason() == ReasonCode.EXCLUDED_BY_STACKING) {
                    throw new IllegalStateException("cart " + i + ": " + o.candidateId() + " " + o.reason()
                            + ": the rule set must make 'apply all that qualify' the best combination");
                }
            }
            maxSearched = Math.max(maxSearched, searched);
            searchedTotal += searched;
        }
        for (RuleSet.Kind kind : RuleSet.Kind.values()) {
            if (applied.getOrDefault(kind.name(), 0) == 0) {
                throw new IllegalStateException("no cart applies a " + kind + " promotion");
            }
            boolean threshold = kind != RuleSet.Kind.PRICE_FIXED && kind != RuleSet.Kind.PRICE_PERCENT;
            if (threshold && missed.getOrDefault(kind.name(), 0) == 0) {
                throw new IllegalStateException("no cart misses a " + kind + " threshold");
            }
        }
        if (print) {
            int n = rules.carts.size();
            System.out.printf(
                    "CHECK %d carts x %d lines, %d promotions: payable totals identical in promotion, %s%n",
                    n,
                    RuleSet.LINES_PER_CART,
                    rules.promotions.size(),
                    String.join(", ", peers.stream().map(Evaluator::name).toList()));
            System.out.printf(
                    "CHECK sum of subtotals+freight %d, of payables %d (%.1f %% off); search modes %s; offers applied"
                            + " per cart %.1f (max %d)%n",
                    subtotal, sum, 100.0 * (subtotal - sum) / subtotal, modes, (double) searchedTotal / n, maxSearched);
            for (String kind : applied.keySet()) {
                System.out.printf(
                        "CHECK %-28s applied %5d, threshold not met %5d%n",
                        kind, applied.get(kind), missed.getOrDefault(kind, 0));
            }
        }
        return sum;
    }

    private static Map<String, String> applied(EvaluationResult result) {
        var map = new TreeMap<String, String>();
        for (CandidateOutcome o : result.candidates()) {
            if (o.outcome() != Outcome.NOT_APPLICABLE || o.reason() != ReasonCode.NO_ELIGIBLE_ITEMS) {
                map.put(o.candidateId(), o.outcome() + "/" + o.reason() + "/" + o.discount() + "/" + o.freightDiscount());
            }
        }
        return map;
    }
}
