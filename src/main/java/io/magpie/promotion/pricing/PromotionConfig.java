package io.magpie.promotion.pricing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Typed settings of a promotion; each rule type reads its own record. Amounts in fen, percents in bp. */
public interface PromotionConfig {

    /**
     * Price layer: per-SKU fixed unit prices ({@code skuPrices}, e.g. a 限时折扣 list of SKUs each with its
     * own price), and for the other covered SKUs a fixed unit price or a percent off (at most one).
     */
    record PriceOff(Long fixedUnitPrice, Integer percentOffBp, Map<String, Long> skuPrices) implements PromotionConfig {
        public PriceOff {
            skuPrices = skuPrices == null ? Map.of() : Map.copyOf(skuPrices);
            if (fixedUnitPrice != null && percentOffBp != null) {
                throw new IllegalArgumentException("give either a fixed unit price or a percent off, not both");
            }
            if (fixedUnitPrice == null && percentOffBp == null && skuPrices.isEmpty()) {
                throw new IllegalArgumentException("give per-SKU prices, a fixed unit price or a percent off");
            }
            if (fixedUnitPrice != null && fixedUnitPrice < 0) {
                throw new IllegalArgumentException("fixed price must not be negative");
            }
            if (skuPrices.values().stream().anyMatch(price -> price < 0)) {
                throw new IllegalArgumentException("SKU prices must not be negative");
            }
            if (percentOffBp != null) {
                Bp.check(percentOffBp);
            }
        }

        public PriceOff(Long fixedUnitPrice, Integer percentOffBp) {
            this(fixedUnitPrice, percentOffBp, null);
        }

        public static PriceOff fixed(long unitPrice) {
            return new PriceOff(unitPrice, null, null);
        }

        public static PriceOff percent(int percentOffBp) {
            return new PriceOff(null, percentOffBp, null);
        }

        public static PriceOff perSku(Map<String, Long> prices) {
            return new PriceOff(null, null, prices);
        }
    }

    /** Whether a threshold counts money or units. */
    enum Basis {
        AMOUNT,
        ITEMS
    }

    /** One step of a ladder: from {@code threshold} (inclusive) save {@code amountOff}. */
    record AmountTier(long threshold, long amountOff) {}

    /** 满减 with tiers: the highest threshold met applies. */
    record TieredAmountOff(Basis basis, List<AmountTier> tiers) implements PromotionConfig {
        public TieredAmountOff {
            tiers = tiers.stream()
                    .sorted(Comparator.comparingLong(AmountTier::threshold))
                    .toList();
        }
    }

    /** 每满减: for every {@code every} fen of eligible amount save {@code amountOff}, at most {@code cap}. */
    record EveryAmountOff(long every, long amountOff, Long cap) implements PromotionConfig {
        public EveryAmountOff {
            if (every <= 0) {
                throw new IllegalArgumentException("every must be positive");
            }
        }
    }

    /** One step of a percent ladder. */
    record PercentTier(long threshold, int percentOffBp) {
        public PercentTier {
            Bp.check(percentOffBp);
        }
    }

    /** 满折: percent off the eligible amount when a threshold is met (highest met tier), optional cap. */
    record TieredPercentOff(Basis basis, List<PercentTier> tiers, Long cap) implements PromotionConfig {
        public TieredPercentOff {
            tiers = tiers.stream()
                    .sorted(Comparator.comparingLong(PercentTier::threshold))
                    .toList();
        }
    }

    /** 满赠: when the threshold is met, add {@code quantity} units of {@code giftSku} at 0. */
    record Gift(Basis basis, long threshold, String giftSku, int quantity) implements PromotionConfig {}

    /** Buy {@code buy} get {@code get} at {@code getPercentOffBp} off (10000 = free), at most maxSets sets. */
    record BuyGet(int buy, int get, int getPercentOffBp, Integer maxSets) implements PromotionConfig {
        public BuyGet {
            if (buy <= 0 || get <= 0) {
                throw new IllegalArgumentException("buy and get must be positive");
            }
            Bp.check(getPercentOffBp);
        }
    }

    /** N元任选: any {@code count} eligible units for {@code bundlePrice}. */
    record AnyNForPrice(int count, long bundlePrice) implements PromotionConfig {
        public AnyNForPrice {
            if (count <= 0 || bundlePrice < 0) {
                throw new IllegalArgumentException("count must be positive and price not negative");
            }
        }
    }

    /** Free shipping from {@code minSpend} (0 = always), at most {@code cap} off the freight. */
    record FreeShipping(long minSpend, Long cap) implements PromotionConfig {}

    /** A fixed amount off the eligible lines from {@code minSpend} (0 = no threshold, a cash voucher). */
    record AmountOff(long amountOff, long minSpend) implements PromotionConfig {
        public AmountOff {
            if (amountOff < 0 || minSpend < 0) {
                throw new IllegalArgumentException("amounts must not be negative");
            }
        }
    }

    /** A percent off the eligible lines from {@code minSpend}, at most {@code cap}. */
    record PercentOff(int percentOffBp, Long cap, long minSpend) implements PromotionConfig {
        public PercentOff {
            Bp.check(percentOffBp);
        }
    }

    /** Basis points helpers. */
    final class Bp {
        public static final int WHOLE = 10_000;

        private Bp() {}

        static void check(int bp) {
            if (bp < 0 || bp > WHOLE) {
                throw new IllegalArgumentException("basis points must be within 0..10000");
            }
        }

        /** {@code amount × bp / 10000} rounded half up to the fen, computed exactly. */
        public static long of(long amount, int bp) {
            if (amount < 0) {
                throw new IllegalArgumentException("amount must not be negative");
            }
            return Math.addExact(Math.multiplyExact(amount, (long) bp), WHOLE / 2) / WHOLE;
        }
    }
}
