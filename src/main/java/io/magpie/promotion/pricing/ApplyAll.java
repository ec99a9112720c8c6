package io.magpie.promotion.pricing;

import java.util.List;

/**
 * The shortcut before the search: when every searchable offer may join one combination and that
 * combination is provably better than every smaller one, it is the answer without searching.
 *
 * <p>Proof used. Let {@code c(Y)} be what member {@code Y} gives (discount + freight discount) when all
 * apply, and {@code u(Y)} an upper bound of what it gives in <em>any</em> combination: what it gives alone
 * (monotone rules), or {@code c(Y)} itself when its amount cannot grow in another combination (a stage-3
 * fixed amount — tiers are measured on the amounts the stage began with, the same in every combination —
 * that was not shrunk by a floor or the order's remainder, or a percent stopped by its cap; not under the
 * one-offer-per-line policy, where other members change the lines it measures). A combination {@code S}
 * without a member {@code X} that gives money gives at most {@code Σ_{Y≠X} u(Y)}; when that is below
 * {@code Σ c(Y)} (i.e. {@code u(X) > slack = Σ (u(Y) − c(Y))}) for every such {@code X}, every smaller
 * combination pays strictly more. Members that give only gift lines (threshold gifts, not coupons) leave
 * the money unchanged, and more gift lines win the tie. So "all" is the unique best combination, the one
 * the exact search would return. Anything else (a member that gives nothing, a non-monotone rule,
 * stacking or group caps that forbid "all", too much slack) falls back to the search.
 */
final class ApplyAll {

    private ApplyAll() {}

    /** The combination of every searchable offer when it is provably the best; null otherwise. */
    static BestCombination.Choice choose(
            BestCombination search, List<Candidate> searchable, CandidateOutcome[] alone, StackingPolicy policy) {
        int n = searchable.size();
        if (n == 0) {
            return null;
        }
        for (Candidate c : searchable) {
            if (!((OfferRule) c.type()).monotone(c.promotion())) {
                return null;
            }
        }
        if (!StackingRules.allowed(searchable, policy)) {
            return null;
        }
        BestCombination.Choice all = search.evaluate(searchable);
        Pipeline.Run run = all.run();
        long[] bound = new long[n];
        long slack = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = searchable.get(i);
            CandidateOutcome together = run.outcomes().get(c.id());
            if (together.outcome() != Outcome.APPLIED) {
                return null;
            }
            long gives = together.discount() + together.freightDiscount();
            if (gives == 0) {
                if (together.gifts().isEmpty() || c.isCoupon() || !(c.type() instanceof GiftRule)) {
                    return null;
                }
                continue;
            }
            CandidateOutcome byItself = alone[c.inputOrder()];
            long upper = fixedAmount(c, together, policy) ? gives : byItself.discount() + byItself.freightDiscount();
            if (upper < gives) {
                return null;
            }
            bound[i] = upper;
            slack += upper - gives;
        }
        for (int i = 0; i < n; i++) {
            if (bound[i] > 0 && bound[i] <= slack) {
                return null;
            }
        }
        return all;
    }

    /** Whether what this member gave with all others is the most it can give in any combination. */
    private static boolean fixedAmount(Candidate c, CandidateOutcome together, StackingPolicy policy) {
        if (policy.oneOfferPerLine() || c.stage() != Stage.THRESHOLD) {
            return false;
        }
        RuleType type = c.type();
        ReasonCode reason = together.reason();
        if (type instanceof TieredAmountOffRule
                || type instanceof EveryAmountOffRule
                || type instanceof AmountOffRule) {
            return reason == null || reason == ReasonCode.CAPPED;
        }
        if (type instanceof TieredPercentOffRule || type instanceof PercentOffRule) {
            return reason == ReasonCode.CAPPED;
        }
        return false;
    }
}
