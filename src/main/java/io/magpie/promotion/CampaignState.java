package io.magpie.promotion;

/** The lifecycle state shown to users: draft → scheduled → running → paused → ended → archived. */
public enum CampaignState {
    DRAFT,
    SCHEDULED,
    RUNNING,
    PAUSED,
    ENDED,
    ARCHIVED
}
