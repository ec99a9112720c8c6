package io.magpie.promotion.pricing;

/** A gift added to the order at 0.00 by a promotion. */
public record GiftLine(String promotionId, String sku, int quantity) {}
