package io.magpie.commerce;

/**
 * One line of an order as other modules see it: {@code discount} is the line's own discount plus its
 * prorated share of the order discount, {@code amount} what the customer pays for the line.
 */
public record OrderLine(
        String lineId,
        String sku,
        String product,
        Long categoryId,
        int quantity,
        long unitPrice,
        long discount,
        long amount) {}
