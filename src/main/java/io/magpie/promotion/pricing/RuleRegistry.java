package io.magpie.promotion.pricing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rule types by id. {@link #standard()} holds every built-in type; {@link #with} adds one. */
public final class RuleRegistry {

    private final Map<String, RuleType> types;

    private RuleRegistry(Map<String, RuleType> types) {
        this.types = Map.copyOf(types);
    }

    public static RuleRegistry standard() {
        var types = new LinkedHashMap<String, RuleType>();
        for (RuleType type : new RuleType[] {
            new SkuPrice("ACTIVITY_PRICE", SkuPrice.Kind.ACTIVITY),
            new SkuPrice("LIMITED_TIME_PRICE", SkuPrice.Kind.LIMITED_TIME),
            new SkuPrice("MEMBER_PRICE", SkuPrice.Kind.MEMBER),
            new SkuPrice("TRIAL_PRICE", SkuPrice.Kind.TRIAL),
            new TieredAmountOffRule("THRESHOLD_AMOUNT_OFF", Stage.THRESHOLD),
            new EveryAmountOffRule(),
            new TieredPercentOffRule(),
            new GiftRule(),
            new BuyGetRule(),
            new AnyNForPriceRule(),
            new FreeShippingRule("FREE_SHIPPING", Stage.THRESHOLD),
            new AmountOffRule("AMOUNT_OFF", Stage.THRESHOLD, false),
            new PercentOffRule("PERCENT_OFF", Stage.THRESHOLD),
            new AmountOffRule("COUPON_FIXED", Stage.COUPON, false),
            new PercentOffRule("COUPON_PERCENT", Stage.COUPON),
            new TieredAmountOffRule("COUPON_THRESHOLD", Stage.COUPON),
            new FreeShippingRule("COUPON_FREE_SHIPPING", Stage.COUPON),
            new AmountOffRule("CASH_VOUCHER", Stage.COUPON, true)
        }) {
            types.put(type.id(), type);
        }
        return new RuleRegistry(types);
    }

    /** A registry with one more (or a replaced) type. */
    public RuleRegistry with(RuleType type) {
        var copy = new LinkedHashMap<>(types);
        copy.put(type.id(), type);
        return new RuleRegistry(copy);
    }

    public Optional<RuleType> find(String typeId) {
        return Optional.ofNullable(types.get(typeId));
    }

    public Set<String> typeIds() {
        return types.keySet();
    }
}
