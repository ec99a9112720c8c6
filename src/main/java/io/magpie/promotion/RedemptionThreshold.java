package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.util.Optional;

/**
 * The least a promotion needs to apply at all, read from its rule settings: the lowest tier of a ladder,
 * the minimum spend of an amount or percent off, the step of a 每满减. The REVERT refund policy compares
 * what remains of an order against it. Rules without a threshold (prices, buy X get Y, bundles) have none.
 */
record RedemptionThreshold(Basis basis, long minimum) {

    static Optional<RedemptionThreshold> of(PromotionConfig config) {
        RedemptionThreshold t = null;
        if (config instanceof PromotionConfig.TieredAmountOff c && !c.tiers().isEmpty()) {
            t = new RedemptionThreshold(c.basis(), c.tiers().get(0).threshold());
        } else if (config instanceof PromotionConfig.TieredPercentOff c
                && !c.tiers().isEmpty()) {
            t = new RedemptionThreshold(c.basis(), c.tiers().get(0).threshold());
        } else if (config instanceof PromotionConfig.AmountOff c) {
            t = new RedemptionThreshold(Basis.AMOUNT, c.minSpend());
        } else if (config instanceof PromotionConfig.PercentOff c) {
            t = new RedemptionThreshold(Basis.AMOUNT, c.minSpend());
        } else if (config instanceof PromotionConfig.FreeShipping c) {
            t = new RedemptionThreshold(Basis.AMOUNT, c.minSpend());
        } else if (config instanceof PromotionConfig.EveryAmountOff c) {
            t = new RedemptionThreshold(Basis.AMOUNT, c.every());
        } else if (config instanceof PromotionConfig.Gift c) {
            t = new RedemptionThreshold(c.basis(), c.threshold());
        }
        return t == null || t.minimum() <= 0 ? Optional.empty() : Optional.of(t);
    }

    /** The most this rule can give off the line items, when the settings say (null: bounded by the lines). */
    static Long ceiling(PromotionConfig config) {
        if (config instanceof PromotionConfig.AmountOff c) {
            return c.amountOff();
        }
        if (config instanceof PromotionConfig.TieredAmountOff c) {
            return c.tiers().stream()
                    .mapToLong(PromotionConfig.AmountTier::amountOff)
                    .max()
                    .orElse(0);
        }
        if (config instanceof PromotionConfig.EveryAmountOff c) {
            return c.cap();
        }
        if (config instanceof PromotionConfig.PercentOff c) {
            return c.cap();
        }
        if (config instanceof PromotionConfig.TieredPercentOff c) {
            return c.cap();
        }
        if (config instanceof PromotionConfig.FreeShipping) {
            return 0L;
        }
        return null;
    }
}
