package io.magpie.promotion.pricing;

/** Machine answer to "why did (or didn't) this apply?"; stable, safe to show codes to clients. */
public enum ReasonCode {
    NOT_STARTED,
    /** Decided by the caller (budgets and limits live in the database). */
    BUDGET_EXHAUSTED,
    /** Decided by the caller. */
    CUSTOMER_LIMIT_REACHED,
    /** Decided by the caller (segments live elsewhere). */
    AUDIENCE_MISMATCH,
    EXPIRED,
    /** Decided by the caller: inside start and end, but outside the campaign's recurring windows. */
    OUTSIDE_TIME_WINDOW,
    /** Decided by the caller: the operator paused the campaign. */
    PAUSED,
    CUSTOMER_NOT_ELIGIBLE,
    CHANNEL_NOT_ELIGIBLE,
    STORE_NOT_ELIGIBLE,
    UNKNOWN_TYPE,
    INVALID_CONFIG,
    NO_ELIGIBLE_ITEMS,
    THRESHOLD_NOT_MET,
    NO_FREIGHT,
    NOTHING_LEFT_TO_DISCOUNT,
    EXCLUDED_BY_STACKING,
    NOT_BENEFICIAL,
    NOT_SELECTED,
    SUPERSEDED_BY_BETTER_PRICE,
    /** Applied, but shrunk so no unit goes below its floor price. */
    FLOOR_PRICE_LIMITED,
    /** Applied, but shrunk to the promotion's cap. */
    CAPPED,
    /** Applied, but shrunk to what remained of the order (or to keep it above 0.00). */
    LIMITED_BY_REMAINING_AMOUNT
}
