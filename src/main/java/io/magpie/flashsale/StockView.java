package io.magpie.flashsale;

import java.time.Instant;

/** Live stock of one item: units still on sale, at most about a second old. */
public record StockView(long sessionId, long itemId, int stock, long stockLeft, boolean soldOut, Instant at) {}
