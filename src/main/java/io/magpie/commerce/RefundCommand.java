package io.magpie.commerce;

import java.util.List;

/** Refunds units of a paid order; {@code refundId} makes it idempotent. */
record RefundCommand(String refundId, String reason, List<RefundLineCommand> lines) {}
