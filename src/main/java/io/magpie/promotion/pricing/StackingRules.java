package io.magpie.promotion.pricing;

import java.util.Collection;

/** Whether a candidate may join a combination: exclusive / common / always, and per-group caps. */
final class StackingRules {

    private StackingRules() {}

    /** ALWAYS combines with anything (even an exclusive one); group caps still count it. */
    static boolean canAdd(Collection<Candidate> combination, Candidate candidate, StackingPolicy policy) {
        if (candidate.stacking() != Stacking.ALWAYS) {
            for (Candidate member : combination) {
                if (member.stacking() == Stacking.EXCLUSIVE) {
                    return false;
                }
                if (candidate.stacking() == Stacking.EXCLUSIVE && member.stacking() != Stacking.ALWAYS) {
                    return false;
                }
            }
        }
        String group = candidate.promotion().stackGroup();
        Integer max = group == null ? null : policy.maxPerGroup().get(group);
        if (max != null) {
            long inGroup = combination.stream()
                    .filter(m -> group.equals(m.promotion().stackGroup()))
                    .count();
            return inGroup < max;
        }
        return true;
    }

    static boolean allowed(java.util.List<Candidate> combination, StackingPolicy policy) {
        var chosen = new java.util.ArrayList<Candidate>(combination.size());
        for (Candidate c : combination) {
            if (!canAdd(chosen, c, policy)) {
                return false;
            }
            chosen.add(c);
        }
        return true;
    }
}
