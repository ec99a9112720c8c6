package io.magpie.flashsale;

/**
 * A shopper's reservation request: who, how many units (default 1), optionally the shop's order id
 * (whose payment, {@code OrderPaid}, then confirms the reservation), the purchase token when the
 * session requires one, and the shopper's IP address as the shop saw it (the per-IP rate limit keys
 * on it; without it, on the caller's address).
 */
public record ReserveCommand(
        String customerId, Integer quantity, String orderId, String purchaseToken, String clientIp) {}
