package io.magpie.commerce;

/** Marks an order paid, at {@code paidAt} (ISO-8601) or now. */
record PayCommand(String paidAt) {}
