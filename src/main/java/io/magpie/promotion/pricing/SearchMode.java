package io.magpie.promotion.pricing;

/** How the combination was chosen. */
public enum SearchMode {
    /** Every allowed combination was considered (branch and bound). */
    EXACT,
    /** Too many interacting candidates: greedy, not guaranteed optimal. */
    HEURISTIC,
    /** The caller chose the combination. */
    EXPLICIT;

    /** Up to this many interacting candidates the search is EXACT; beyond it, HEURISTIC. */
    public static final int EXACT_BOUND = BestCombination.EXACT_LIMIT;
}
