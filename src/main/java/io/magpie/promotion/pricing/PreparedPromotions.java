package io.magpie.promotion.pricing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A promotion list resolved once: candidates with their rule types, ids checked unique, the scope
 * index, and the outcomes that do not depend on the cart (unknown type; no eligible items). Immutable;
 * {@link CartEvaluator} keeps the last one and reuses it while callers pass the same (immutable) list,
 * e.g. a snapshot of the live campaigns.
 */
final class PreparedPromotions {

    final List<Promotion> promotions;
    final Candidate[] candidates;
    final PromotionIndex index;
    final Set<String> ids;
    /** Whether the eligibility of candidate {@code i} depends on the cart (time window, audience, place). */
    final boolean[] dependsOnCart;
    /** Outcome of candidate {@code i} when it does not depend on the cart and is rejected whatever the lines. */
    final CandidateOutcome[] rejected;
    /** Outcome of candidate {@code i} when it touches no line of the cart. */
    final CandidateOutcome[] untouched;

    PreparedPromotions(List<Promotion> promotions, RuleRegistry registry) {
        this.promotions = promotions;
        int n = promotions.size();
        candidates = new Candidate[n];
        ids = new HashSet<>();
        dependsOnCart = new boolean[n];
        rejected = new CandidateOutcome[n];
        untouched = new CandidateOutcome[n];
        for (int i = 0; i < n; i++) {
            Promotion p = promotions.get(i);
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate candidate id " + p.id());
            }
            Candidate c =
                    new Candidate(p.id(), p, null, registry.find(p.typeId()).orElse(null), i);
            candidates[i] = c;
            dependsOnCart[i] = Eligibility.dependsOnCart(c);
            if (!dependsOnCart[i] && (c.type() == null || !Eligibility.SUPPORTED_STAGES.contains(c.stage()))) {
                rejected[i] = CartEvaluator.notApplicable(c, ReasonCode.UNKNOWN_TYPE);
            }
            untouched[i] = CartEvaluator.notApplicable(c, ReasonCode.NO_ELIGIBLE_ITEMS);
        }
        index = new PromotionIndex(promotions);
    }

    int size() {
        return candidates.length;
    }
}
