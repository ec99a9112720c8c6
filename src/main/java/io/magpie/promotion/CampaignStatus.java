package io.magpie.promotion;

/** What the operator decided; {@link CampaignState} adds what the clock says. Stored as text. */
public enum CampaignStatus {
    DRAFT,
    /** Published: scheduled, running or over, depending on its schedule. */
    ACTIVE,
    PAUSED,
    /** Ended early by the operator. */
    ENDED,
    ARCHIVED
}
