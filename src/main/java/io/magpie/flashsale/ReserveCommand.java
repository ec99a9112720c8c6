package io.magpie.flashsale;

/**
 * A shopper's reservation request: who, how many units (default 1), and optionally the shop's order
 * id, whose payment ({@code OrderPaid}) then confirms the reservation.
 */
public record ReserveCommand(String customerId, Integer quantity, String orderId) {}
