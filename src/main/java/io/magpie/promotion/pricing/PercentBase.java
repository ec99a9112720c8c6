package io.magpie.promotion.pricing;

/**
 * What a price-layer percent applies to: the price entering the stage (cascading) or the list price
 * (initial). Percent offers of later stages always apply to what remains, so two percents multiply.
 */
public enum PercentBase {
    CASCADING,
    INITIAL
}
