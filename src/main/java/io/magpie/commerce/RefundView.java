package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/** A refund of an order: which units of which lines, and the exact amount returned. */
record RefundView(String refundId, long amount, String reason, Instant refundedAt, List<RefundLineView> lines) {

    /** The refunded units of one line. */
    record RefundLineView(String lineId, int quantity, List<Integer> units, long amount) {}
}
