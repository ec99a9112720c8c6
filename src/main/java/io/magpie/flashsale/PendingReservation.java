package io.magpie.flashsale;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A reservation decided in memory and waiting for the group commit; {@code done} completes when the
 * batch holding it is durable (or fails with a {@link io.magpie.platform.ProblemException}).
 */
record PendingReservation(
        long id,
        SessionLedger ledger,
        ItemLedger item,
        String customerId,
        int quantity,
        String orderId,
        String requestKey,
        Instant createdAt,
        Instant expiresAt,
        CompletableFuture<Long> done) {}
