package io.magpie.platform;

import java.time.Instant;
import java.util.List;

/**
 * A long-running piece of work (an import, a bulk generation) with progress that the API and the
 * console show.
 */
public record Job(
        long id,
        String kind,
        Status status,
        long total,
        long processed,
        int errorCount,
        List<RowError> errors,
        String message,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** Percent done, 0–100; a finished job is 100. */
    @com.fasterxml.jackson.annotation.JsonProperty("percent")
    public int percent() {
        if (status == Status.SUCCEEDED || status == Status.FAILED) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, processed * 100 / total);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("finished")
    public boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    /** A problem with one input row (1-based, header excluded) and optionally one field. */
    public record RowError(long row, String field, String message) {}
}
