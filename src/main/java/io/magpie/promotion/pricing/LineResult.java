package io.magpie.promotion.pricing;

/** A line before and after every discount, in fen. */
public record LineResult(String lineId, long originalAmount, long finalAmount) {}
