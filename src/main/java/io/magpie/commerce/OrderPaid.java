package io.magpie.commerce;

import java.time.Instant;

/** An order was paid: commit what it reserved. */
public record OrderPaid(long tenantId, String orderId, String customerId, long total, Instant paidAt) {}
