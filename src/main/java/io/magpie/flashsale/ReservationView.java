package io.magpie.flashsale;

import java.time.Instant;

/** One reservation as the shop and the operator see it. */
public record ReservationView(
        long reservationId,
        long sessionId,
        long itemId,
        String sku,
        String customerId,
        int quantity,
        long flashPrice,
        ReservationStatus status,
        String orderId,
        Instant expiresAt,
        Instant createdAt,
        Instant confirmedAt,
        Instant endedAt,
        String endedReason) {}
