package io.magpie.promotion.pricing;

/** The share of one promotion's discount carried by one line, in fen. */
public record Allocation(String lineId, long amount) {}
