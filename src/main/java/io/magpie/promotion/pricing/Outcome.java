package io.magpie.promotion.pricing;

/** The fate of one candidate in an evaluation. */
public enum Outcome {
    APPLIED,
    NOT_APPLICABLE,
    SKIPPED
}
