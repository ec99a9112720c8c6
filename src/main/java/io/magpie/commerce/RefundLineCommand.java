package io.magpie.commerce;

import java.util.List;

/** The units of one line to refund: either a quantity (lowest unrefunded units first) or unit indexes. */
record RefundLineCommand(String lineId, Long quantity, List<Long> units) {}
