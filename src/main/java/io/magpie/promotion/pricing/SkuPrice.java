package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Bp;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import java.util.OptionalLong;

/** Per-SKU price layer: limited-time discount, member/tier price, trial price for first purchases. */
final class SkuPrice implements PriceRule {

    enum Kind {
        LIMITED_TIME,
        MEMBER,
        TRIAL
    }

    private final String id;
    private final Kind kind;

    SkuPrice(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public OptionalLong unitPrice(Promotion promotion, CartLine line, long entryUnitPrice, Cart cart) {
        if (kind == Kind.TRIAL && !line.firstPurchase()) {
            return OptionalLong.empty();
        }
        if (kind == Kind.MEMBER && cart.customer().tier() == null) {
            return OptionalLong.empty();
        }
        PriceOff config = RuleType.config(promotion, PriceOff.class);
        if (config.fixedUnitPrice() != null) {
            return OptionalLong.of(config.fixedUnitPrice());
        }
        long base = promotion.percentBase() == PercentBase.INITIAL ? line.unitPrice() : entryUnitPrice;
        return OptionalLong.of(base - Bp.of(base, config.percentOffBp()));
    }
}
