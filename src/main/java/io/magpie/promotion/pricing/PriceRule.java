package io.magpie.promotion.pricing;

import java.util.OptionalLong;

/** A price-layer rule: proposes a unit price for a line; the lowest proposal wins (not cumulative). */
public interface PriceRule extends RuleType {

    /**
     * @param entryUnitPrice the unit price entering the stage (used by cascading percents)
     * @return the proposed unit price, or empty when the rule does not apply to this line
     */
    OptionalLong unitPrice(Promotion promotion, CartLine line, long entryUnitPrice, Cart cart);

    @Override
    default Stage stage() {
        return Stage.PRICE_LAYER;
    }
}
