package io.magpie.commerce;

import java.time.Instant;

/** An unpaid order was cancelled or timed out: release what it reserved. */
public record OrderCancelled(long tenantId, String orderId, String customerId, String reason, Instant cancelledAt) {}
