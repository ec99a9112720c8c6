package io.magpie.flashsale;

import java.time.Instant;

/** What shoppers see of a session at an instant: its status combined with its times. */
public enum SessionState {
    DRAFT,
    /** Published, not visible yet (before its preheat). */
    SCHEDULED,
    /** Visible, not purchasable yet. */
    PREHEAT,
    RUNNING,
    ENDED,
    CANCELLED;

    static SessionState of(SessionStatus status, Instant preheatAt, Instant startsAt, Instant endsAt, Instant now) {
        return switch (status) {
            case DRAFT -> DRAFT;
            case CANCELLED -> CANCELLED;
            case PUBLISHED -> {
                if (!now.isBefore(endsAt)) {
                    yield ENDED;
                }
                if (!now.isBefore(startsAt)) {
                    yield RUNNING;
                }
                yield preheatAt == null || !now.isBefore(preheatAt) ? PREHEAT : SCHEDULED;
            }
        };
    }
}
