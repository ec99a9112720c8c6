package io.magpie.commerce;

/** One line of a posted order. */
record OrderLineCommand(String lineId, String sku, Long quantity, Long unitPrice, Long discount) {}
