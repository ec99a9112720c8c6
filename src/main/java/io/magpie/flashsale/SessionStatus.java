package io.magpie.flashsale;

/** What the operator decided about a session; whether it is running follows from its times. */
public enum SessionStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
