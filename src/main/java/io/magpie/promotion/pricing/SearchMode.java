package io.magpie.promotion.pricing;

/** How the combination was chosen. */
public enum SearchMode {
    /** Every allowed combination was considered (branch and bound). */
    EXACT,
    /** Too many interacting candidates: greedy, not guaranteed optimal. */
    HEURISTIC,
    /** The caller chose the combination. */
    EXPLICIT
}
