package io.magpie.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys after the retention (at least 24 h; 48 h by default). */
@Component
class IdempotencyKeyCleanup {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyCleanup(
            JdbcClient jdbc, Clock clock, @Value("${magpie.api.idempotency-retention:48h}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention.compareTo(Duration.ofHours(24)) < 0 ? Duration.ofHours(24) : retention;
    }

    @Scheduled(fixedDelayString = "${magpie.api.idempotency-cleanup-interval:15m}", initialDelayString = "1m")
    int purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("delete from platform_idempotency_key where created_at < ?")
                .param(cutoff)
                .update();
    }
}
