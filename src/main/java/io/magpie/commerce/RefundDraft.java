package io.magpie.commerce;

import java.util.List;

/** A refund request that passed the syntax checks; a line has either a quantity or unit indexes. */
record RefundDraft(String refundNo, String reason, List<Line> lines) {

    /** {@code units} is null when the client asked for a quantity. */
    record Line(String lineNo, int quantity, List<Integer> units) {}
}
