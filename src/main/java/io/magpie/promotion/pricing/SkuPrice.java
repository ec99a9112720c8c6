package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Bp;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import java.util.OptionalLong;

/**
 * Per-SKU prices: the activity price of stage 1 (flash sale, group buy, bargain, points mall; the caller
 * passes it only for lines bought through the activity) and the price layer of stage 2 (limited-time
 * discount, member/tier price, trial price for first purchases).
 */
final class SkuPrice implements PriceRule {

    enum Kind {
        ACTIVITY,
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
    public Stage stage() {
        return kind == Kind.ACTIVITY ? Stage.ACTIVITY_PRICE : Stage.PRICE_LAYER;
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
        Long skuPrice = config.skuPrices().get(line.sku());
        if (skuPrice != null) {
            return OptionalLong.of(skuPrice);
        }
        if (config.fixedUnitPrice() != null) {
            return OptionalLong.of(config.fixedUnitPrice());
        }
        if (config.percentOffBp() == null) {
            return OptionalLong.empty();
        }
        long base = promotion.percentBase() == PercentBase.INITIAL ? line.unitPrice() : entryUnitPrice;
        return OptionalLong.of(base - Bp.of(base, config.percentOffBp()));
    }
}
