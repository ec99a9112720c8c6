package io.magpie.promotion.pricing;

/** Total goods discount given by one stage, in fen. */
public record StageDiscount(Stage stage, long amount) {}
