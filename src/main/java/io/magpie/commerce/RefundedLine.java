package io.magpie.commerce;

import java.util.List;

/** The units of one order line returned by a refund and the exact amount they gave back. */
public record RefundedLine(String lineId, String sku, int quantity, List<Integer> units, long amount) {

    public RefundedLine {
        units = List.copyOf(units);
    }
}
