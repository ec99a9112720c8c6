package io.magpie.bench.promotion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The benchmark's catalog, its 100 active promotions and its carts, in a neutral form that each of the
 * four implementations translates into its own rules once (promotions) or per cart (facts).
 *
 * <p>Every promotion is {@code COMMON} and, with these rules, applying every one whose conditions hold
 * is the cheapest combination, so Magpie's best-combination search must arrive at exactly what the
 * rule engines and the plain loop compute by firing every rule that matches. The stage-3 rules are
 * ordered (priority, then id) so that no rule's base depends on how an earlier discount was prorated
 * over lines: per-category rules first (each line has one category; 满减 before 满折 of the same
 * category), then the SKU-set amount-offs (nothing after them reads a category or a line), then the
 * order-level percent (reads the order total only), then free shipping (reads the entry total only).
 */
public final class RuleSet {

    public static final long SEED = 20_261_124L;
    public static final int SKUS = 300;
    public static final int CATEGORIES = 20;
    public static final int PROMOTIONS = 100;
    public static final int CARTS = 1_000;
    public static final int LINES_PER_CART = 10;
    public static final long FREIGHT = 1_000;

    public enum Kind {
        /** Stage 2 limited-time fixed unit price on a few SKUs (LIMITED_TIME_PRICE). */
        PRICE_FIXED,
        /** Stage 2 limited-time percent off the unit price on a few SKUs (LIMITED_TIME_PRICE). */
        PRICE_PERCENT,
        /** Stage 3 满减 tiers on a category (THRESHOLD_AMOUNT_OFF). */
        CATEGORY_TIERED_AMOUNT_OFF,
        /** Stage 3 每满减 with a cap on a category (EVERY_AMOUNT_OFF). */
        CATEGORY_EVERY_AMOUNT_OFF,
        /** Stage 3 满折 tiers, optional cap, on a category (THRESHOLD_PERCENT_OFF). */
        CATEGORY_TIERED_PERCENT_OFF,
        /** Stage 3 fixed amount off a few SKUs from a minimum spend on them (AMOUNT_OFF). */
        SKU_AMOUNT_OFF,
        /** Stage 3 order-level percent off with a cap from a minimum spend (PERCENT_OFF). */
        ORDER_PERCENT_OFF,
        /** Stage 3 free shipping from a minimum spend (FREE_SHIPPING). */
        FREE_SHIPPING
    }

    /**
     * One promotion. Unused fields are empty/zero. {@code thresholds}/{@code values} are the tiers (values
     * are fen off or basis points off); for 每满减 thresholds[0] is "every" and values[0] the amount off.
     */
    public record Promo(
            String id,
            Kind kind,
            int priority,
            List<String> skus,
            String category,
            long[] thresholds,
            long[] values,
            long cap,
            long minSpend,
            long amount,
            int percentBp) {

        public boolean hasCap() {
            return cap > 0;
        }

        public boolean priceLayer() {
            return kind == Kind.PRICE_FIXED || kind == Kind.PRICE_PERCENT;
        }
    }

    public record Sku(String code, int category, long price) {
        public String categoryCode() {
            return RuleSet.category(category);
        }
    }

    public record Line(String lineId, Sku sku, int quantity) {}

    public record BenchCart(List<Line> lines, long freight) {}

    /** Application order of stage 3, the same as Magpie's: priority descending, then id. */
    public static final Comparator<Promo> ORDER =
            Comparator.comparingInt(Promo::priority).reversed().thenComparing(Promo::id);

    public final List<Sku> catalog;
    public final List<Promo> promotions;
    /** Stage-3 promotions in application order. */
    public final List<Promo> offers;

    public final List<BenchCart> carts;

    public RuleSet() {
        var random = new Random(SEED);
        var skus = new ArrayList<Sku>();
        for (int i = 0; i < SKUS; i++) {
            skus.add(new Sku(String.format("S%03d", i + 1), i % CATEGORIES, 500 + random.nextInt(29_500)));
        }
        catalog = List.copyOf(skus);
        promotions = List.copyOf(promotions(random));
        offers = promotions.stream().filter(p -> !p.priceLayer()).sorted(ORDER).toList();
        var carts = new ArrayList<BenchCart>();
        for (int c = 0; c < CARTS; c++) {
            var picked = new TreeSet<Integer>();
            while (picked.size() < LINES_PER_CART) {
                picked.add(random.nextInt(SKUS));
            }
            var lines = new ArrayList<Line>();
            int n = 0;
            for (int index : shuffled(picked, random)) {
                int quantity = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3));
                lines.add(new Line("L" + (++n), catalog.get(index), quantity));
            }
            carts.add(new BenchCart(List.copyOf(lines), FREIGHT));
        }
        this.carts = List.copyOf(carts);
    }

    /** Category codes c00… (formatted once: adapters look them up per line). */
    private static final String[] CATEGORY_CODES = new String[CATEGORIES];

    static {
        for (int i = 0; i < CATEGORIES; i++) {
            CATEGORY_CODES[i] = String.format("c%02d", i);
        }
    }

    public static String category(int index) {
        return CATEGORY_CODES[index];
    }

    private List<Promo> promotions(Random random) {
        var result = new ArrayList<Promo>();
        int n = 0;
        // P001..P020: limited-time fixed unit prices on 3 SKUs each (about 80 % of the cheapest one's price)
        for (int i = 0; i < 20; i++) {
            List<String> skus = randomSkus(random, 3);
            long cheapest = skus.stream()
                    .mapToLong(s -> catalog.get(Integer.parseInt(s.substring(1)) - 1).price())
                    .min()
                    .orElseThrow();
            result.add(new Promo(
                    id(++n), Kind.PRICE_FIXED, 0, skus, null, null, null, 0, 0, cheapest * 8 / 10 + 3, 0));
        }
        // P021..P040: limited-time percent off on 3 SKUs each, 5 % .. 30 % (overlaps: lowest price wins)
        for (int i = 0; i < 20; i++) {
            result.add(new Promo(
                    id(++n), Kind.PRICE_PERCENT, 0, randomSkus(random, 3), null, null, null, 0, 0, 0, 500 * (1 + i % 6)));
        }
        // P041..P060: 满减 with 3 tiers on every category
        for (int c = 0; c < CATEGORIES; c++) {
            long t = 20_000 + 10_000 * (c % 4);
            result.add(new Promo(
                    id(++n),
                    Kind.CATEGORY_TIERED_AMOUNT_OFF,
                    50,
                    List.of(),
                    category(c),
                    new long[] {t, 2 * t, 4 * t},
                    new long[] {t / 10, t / 5 + 500, t / 2 + 1_000},
                    0,
                    0,
                    0,
                    0));
        }
        // P061..P070: 满折 with 2 tiers on categories c00..c09, every other one capped
        for (int c = 0; c < 10; c++) {
            long t = 25_000 + 5_000 * (c % 3);
            result.add(new Promo(
                    id(++n),
                    Kind.CATEGORY_TIERED_PERCENT_OFF,
                    40,
                    List.of(),
                    category(c),
                    new long[] {t, 2 * t},
                    new long[] {500, 1_000 + 100 * c},
                    c % 2 == 0 ? 3_000 : 0,
                    0,
                    0,
                    0));
        }
        // P071..P080: 每满减 with a cap on categories c10..c19
        for (int c = 10; c < 20; c++) {
            result.add(new Promo(
                    id(++n),
                    Kind.CATEGORY_EVERY_AMOUNT_OFF,
                    50,
                    List.of(),
                    category(c),
                    new long[] {15_000},
                    new long[] {1_000 + 100 * (c % 5)},
                    5_000,
                    0,
                    0,
                    0));
        }
        // P081..P098: fixed amount off 3 SKUs from a minimum spend on them
        for (int i = 0; i < 18; i++) {
            result.add(new Promo(
                    id(++n),
                    Kind.SKU_AMOUNT_OFF,
                    30,
                    randomSkus(random, 3),
                    null,
                    null,
                    null,
                    0,
                    15_000 + 5_000 * (i % 4),
                    500 + 100 * (i % 11),
                    0));
        }
        // P099: 5 % off the order from 2000.00, at most 100.00
        result.add(new Promo(id(++n), Kind.ORDER_PERCENT_OFF, 20, List.of(), null, null, null, 10_000, 200_000, 0, 500));
        // P100: free shipping from 1600.00
        result.add(new Promo(id(++n), Kind.FREE_SHIPPING, 10, List.of(), null, null, null, 0, 160_000, 0, 0));
        if (result.size() != PROMOTIONS) {
            throw new IllegalStateException("rule set has " + result.size() + " promotions");
        }
        return result;
    }

    private List<String> randomSkus(Random random, int count) {
        var picked = new TreeSet<String>();
        while (picked.size() < count) {
            picked.add(catalog.get(random.nextInt(SKUS)).code());
        }
        return List.copyOf(picked);
    }

    private static List<Integer> shuffled(TreeSet<Integer> values, Random random) {
        var list = new ArrayList<>(values);
        java.util.Collections.shuffle(list, random);
        return list;
    }

    private static String id(int n) {
        return String.format("P%03d", n);
    }

    /** {@code amount × bp / 10000} rounded half up, exactly like Magpie's {@code Bp.of}. */
    public static long bp(long amount, long bp) {
        return (amount * bp + 5_000) / 10_000;
    }
}
