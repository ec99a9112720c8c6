package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.AnyNForPrice;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.BuyGet;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import io.magpie.promotion.pricing.PromotionConfig.Gift;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import io.magpie.promotion.pricing.PromotionConfig.PercentTier;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredPercentOff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes each rule type's settings as JSON (snake_case, amounts in fen, percents in basis
 * points), reporting every problem with its path under {@code config}. A new rule type registers its
 * reader and writer here.
 */
public final class RuleConfigs {

    /** Longest ladder and largest per-SKU price list a rule may carry. */
    static final int MAX_TIERS = 20;

    static final int MAX_SKU_PRICES = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Codec(
            Function<Fields, PromotionConfig> reader, Function<PromotionConfig, Map<String, Object>> writer) {}

    private static final Map<String, Codec> CODECS = new LinkedHashMap<>();

    static {
        for (String type : List.of("ACTIVITY_PRICE", "LIMITED_TIME_PRICE", "MEMBER_PRICE", "TRIAL_PRICE")) {
            CODECS.put(type, new Codec(RuleConfigs::priceOff, c -> {
                var p = (PriceOff) c;
                var m = new LinkedHashMap<String, Object>();
                m.put("fixed_unit_price", p.fixedUnitPrice());
                m.put("percent_off_bp", p.percentOffBp());
                m.put("sku_prices", new java.util.TreeMap<>(p.skuPrices()));
                return m;
            }));
        }
        for (String type : List.of("THRESHOLD_AMOUNT_OFF", "COUPON_THRESHOLD")) {
            CODECS.put(type, new Codec(RuleConfigs::tieredAmountOff, c -> {
                var t = (TieredAmountOff) c;
                return map(
                        "basis",
                        t.basis().name(),
                        "tiers",
                        t.tiers().stream()
                                .map(x -> map("threshold", x.threshold(), "amount_off", x.amountOff()))
                                .toList());
            }));
        }
        CODECS.put(
                "EVERY_AMOUNT_OFF",
                new Codec(
                        f -> new EveryAmountOff(
                                f.positive("every"), f.positive("amount_off"), f.optionalPositive("cap")),
                        c -> {
                            var e = (EveryAmountOff) c;
                            return map("every", e.every(), "amount_off", e.amountOff(), "cap", e.cap());
                        }));
        CODECS.put("THRESHOLD_PERCENT_OFF", new Codec(RuleConfigs::tieredPercentOff, c -> {
            var t = (TieredPercentOff) c;
            return map(
                    "basis",
                    t.basis().name(),
                    "tiers",
                    t.tiers().stream()
                            .map(x -> map("threshold", x.threshold(), "percent_off_bp", x.percentOffBp()))
                            .toList(),
                    "cap",
                    t.cap());
        }));
        CODECS.put(
                "THRESHOLD_GIFT",
                new Codec(
                        f -> new Gift(f.basis(), f.positive("threshold"), f.text("gift_sku"), (int)
                                f.range("quantity", 1, 100, 1L)),
                        c -> {
                            var g = (Gift) c;
                            return map(
                                    "basis",
                                    g.basis().name(),
                                    "threshold",
                                    g.threshold(),
                                    "gift_sku",
                                    g.giftSku(),
                                    "quantity",
                                    g.quantity());
                        }));
        CODECS.put(
                "BUY_X_GET_Y",
                new Codec(
                        f -> new BuyGet(
                                (int) f.range("buy", 1, 1000, null),
                                (int) f.range("get", 1, 1000, null),
                                (int) f.range("get_percent_off_bp", 1, 10_000, 10_000L),
                                f.optionalInt("max_sets", 1, 10_000)),
                        c -> {
                            var b = (BuyGet) c;
                            return map(
                                    "buy",
                                    b.buy(),
                                    "get",
                                    b.get(),
                                    "get_percent_off_bp",
                                    b.getPercentOffBp(),
                                    "max_sets",
                                    b.maxSets());
                        }));
        CODECS.put(
                "ANY_N_FOR_PRICE",
                new Codec(
                        f -> new AnyNForPrice((int) f.range("count", 1, 100, null), f.nonNegative("bundle_price")),
                        c -> {
                            var a = (AnyNForPrice) c;
                            return map("count", a.count(), "bundle_price", a.bundlePrice());
                        }));
        for (String type : List.of("FREE_SHIPPING", "COUPON_FREE_SHIPPING")) {
            CODECS.put(
                    type,
                    new Codec(
                            f -> new FreeShipping(f.optionalNonNegative("min_spend", 0), f.optionalPositive("cap")),
                            c -> {
                                var s = (FreeShipping) c;
                                return map("min_spend", s.minSpend(), "cap", s.cap());
                            }));
        }
        for (String type : List.of("AMOUNT_OFF", "COUPON_FIXED", "CASH_VOUCHER")) {
            boolean voucher = type.equals("CASH_VOUCHER");
            CODECS.put(
                    type,
                    new Codec(
                            f -> new AmountOff(
                                    f.positive("amount_off"), voucher ? 0 : f.optionalNonNegative("min_spend", 0)),
                            c -> {
                                var a = (AmountOff) c;
                                return voucher
                                        ? map("amount_off", a.amountOff())
                                        : map("amount_off", a.amountOff(), "min_spend", a.minSpend());
                            }));
        }
        for (String type : List.of("PERCENT_OFF", "COUPON_PERCENT")) {
            CODECS.put(
                    type,
                    new Codec(
                            f -> new PercentOff(
                                    (int) f.range("percent_off_bp", 1, 10_000, null),
                                    f.optionalPositive("cap"),
                                    f.optionalNonNegative("min_spend", 0)),
                            c -> {
                                var p = (PercentOff) c;
                                return map(
                                        "percent_off_bp", p.percentOffBp(), "cap", p.cap(), "min_spend", p.minSpend());
                            }));
        }
    }

    private RuleConfigs() {}

    /** Rule types that have a JSON form, in a stable order. */
    public static List<String> types() {
        return List.copyOf(CODECS.keySet());
    }

    /**
     * Reads {@code config} for {@code ruleType}; a 400 problem lists every offending field
     * (paths start with {@code config}).
     */
    public static PromotionConfig read(String ruleType, JsonNode config) {
        List<FieldProblem> problems = new ArrayList<>();
        PromotionConfig result = read(ruleType, config, "config", problems);
        if (!problems.isEmpty() || result == null) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "validation_failed", "the rule's settings are not valid", problems);
        }
        return result;
    }

    /** Like {@link #read(String, JsonNode)} but collects problems under {@code path}; null when invalid. */
    static PromotionConfig read(String ruleType, JsonNode config, String path, List<FieldProblem> problems) {
        Codec codec = CODECS.get(ruleType);
        if (codec == null) {
            problems.add(new FieldProblem("rule_type", "unknown_rule_type", "unknown rule type '" + ruleType + "'"));
            return null;
        }
        if (config == null || !config.isObject()) {
            problems.add(new FieldProblem(path, "required", "the rule's settings must be an object"));
            return null;
        }
        int before = problems.size();
        Fields fields = new Fields(config, path, problems);
        PromotionConfig result;
        try {
            result = codec.reader().apply(fields);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path, "invalid", e.getMessage()));
            return null;
        }
        fields.rejectUnknown();
        return problems.size() == before ? result : null;
    }

    /** The JSON form of a stored config (null values left out). */
    public static ObjectNode write(String ruleType, PromotionConfig config) {
        Codec codec = CODECS.get(ruleType);
        if (codec == null) {
            throw new IllegalArgumentException("unknown rule type " + ruleType);
        }
        var values = new LinkedHashMap<String, Object>();
        codec.writer().apply(config).forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return JSON.valueToTree(values);
    }

    /** Parses stored JSON text. */
    static PromotionConfig fromStored(String ruleType, String json) {
        return read(ruleType, JSON.readTree(json));
    }

    static String toStored(String ruleType, PromotionConfig config) {
        return JSON.writeValueAsString(write(ruleType, config));
    }

    private static PromotionConfig priceOff(Fields f) {
        Long fixed = f.optionalNonNegativeOrNull("fixed_unit_price");
        Long percent = f.optionalRange("percent_off_bp", 1, 10_000);
        Map<String, Long> prices = f.skuPrices("sku_prices");
        if (fixed == null && percent == null && prices.isEmpty()) {
            f.problem("", "required", "give sku_prices, a fixed_unit_price or a percent_off_bp");
            return null;
        }
        if (fixed != null && percent != null) {
            f.problem("percent_off_bp", "conflict", "give either fixed_unit_price or percent_off_bp, not both");
            return null;
        }
        return new PriceOff(fixed, percent == null ? null : percent.intValue(), prices);
    }

    private static PromotionConfig tieredAmountOff(Fields f) {
        Basis basis = f.basis();
        List<AmountTier> tiers = new ArrayList<>();
        f.tiers((tier, at) -> {
            long threshold = tier.positive("threshold");
            long off = tier.positive("amount_off");
            if (basis == Basis.AMOUNT && off > threshold && threshold > 0) {
                tier.problem("amount_off", "exceeds_threshold", "a tier cannot take off more than its threshold");
            }
            tiers.add(new AmountTier(threshold, off));
        });
        return new TieredAmountOff(basis, tiers);
    }

    private static PromotionConfig tieredPercentOff(Fields f) {
        Basis basis = f.basis();
        List<PercentTier> tiers = new ArrayList<>();
        f.tiers((tier, at) -> tiers.add(
                new PercentTier(tier.positive("threshold"), (int) tier.range("percent_off_bp", 1, 10_000, null))));
        return new TieredPercentOff(basis, tiers, f.optionalPositive("cap"));
    }

    private static Map<String, Object> map(Object... keyValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Typed access to one JSON object that records problems instead of throwing. */
    private static final class Fields {
        private final JsonNode node;
        private final String path;
        private final List<FieldProblem> problems;
        private final java.util.Set<String> read = new java.util.HashSet<>();

        Fields(JsonNode node, String path, List<FieldProblem> problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        void problem(String field, String code, String message) {
            problems.add(new FieldProblem(field.isEmpty() ? path : path + "." + field, code, message));
        }

        private JsonNode get(String field) {
            read.add(field);
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value;
        }

        private Long number(String field) {
            JsonNode value = get(field);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                problem(field, "not_an_integer", field + " must be a whole number");
                return null;
            }
            return value.longValue();
        }

        long positive(String field) {
            Long value = number(field);
            if (value == null) {
                if (!node.hasNonNull(field)) {
                    problem(field, "required", field + " is required");
                }
                return 1;
            }
            if (value <= 0) {
                problem(field, "not_positive", field + " must be greater than 0");
                return 1;
            }
            return value;
        }

        long nonNegative(String field) {
            Long value = number(field);
            if (value == null) {
                if (!node.hasNonNull(field)) {
                    problem(field, "required", field + " is required");
                }
                return 0;
            }
            if (value < 0) {
                problem(field, "negative", field + " must not be negative");
                return 0;
            }
            return value;
        }

        long optionalNonNegative(String field, long fallback) {
            Long value = optionalNonNegativeOrNull(field);
            return value == null ? fallback : value;
        }

        Long optionalNonNegativeOrNull(String field) {
            Long value = number(field);
            if (value != null && value < 0) {
                problem(field, "negative", field + " must not be negative");
                return null;
            }
            return value;
        }

        Long optionalPositive(String field) {
            Long value = number(field);
            if (value != null && value <= 0) {
                problem(field, "not_positive", field + " must be greater than 0");
                return null;
            }
            return value;
        }

        long range(String field, long min, long max, Long fallback) {
            Long value = number(field);
            if (value == null) {
                if (fallback != null) {
                    return fallback;
                }
                if (!node.hasNonNull(field)) {
                    problem(field, "required", field + " is required");
                }
                return min;
            }
            if (value < min || value > max) {
                problem(field, "out_of_range", field + " must be between " + min + " and " + max);
                return min;
            }
            return value;
        }

        Long optionalRange(String field, long min, long max) {
            if (get(field) == null) {
                return null;
            }
            return range(field, min, max, null);
        }

        Integer optionalInt(String field, int min, int max) {
            Long value = optionalRange(field, min, max);
            return value == null ? null : value.intValue();
        }

        String text(String field) {
            JsonNode value = get(field);
            if (value == null || !value.isString() || value.stringValue().isBlank()) {
                problem(field, "required", field + " is required");
                return "?";
            }
            if (TextChecks.hasControl(value.stringValue())) {
                problem(field, "invalid_value", field + " must not contain control characters");
                return "?";
            }
            return value.stringValue().trim();
        }

        Basis basis() {
            JsonNode value = get("basis");
            if (value == null) {
                return Basis.AMOUNT;
            }
            try {
                return Basis.valueOf(value.asString());
            } catch (IllegalArgumentException e) {
                problem("basis", "unknown_value", "basis must be AMOUNT or ITEMS");
                return Basis.AMOUNT;
            }
        }

        Map<String, Long> skuPrices(String field) {
            JsonNode value = get(field);
            var prices = new LinkedHashMap<String, Long>();
            if (value == null) {
                return prices;
            }
            if (!value.isObject()) {
                problem(field, "not_an_object", field + " maps SKU codes to unit prices");
                return prices;
            }
            if (value.size() > MAX_SKU_PRICES) {
                problem(field, "too_many", "at most " + MAX_SKU_PRICES + " SKU prices");
                return prices;
            }
            for (var entry : value.properties()) {
                JsonNode price = entry.getValue();
                if (entry.getKey().isBlank() || TextChecks.hasControl(entry.getKey())) {
                    problem(field + "." + entry.getKey(), "invalid_code", "a SKU code without control characters");
                } else if (!price.isIntegralNumber() || price.longValue() < 0) {
                    problem(field + "." + entry.getKey(), "invalid_price", "a unit price is a whole number >= 0");
                } else {
                    prices.put(entry.getKey(), price.longValue());
                }
            }
            return prices;
        }

        void tiers(java.util.function.BiConsumer<Fields, Integer> each) {
            JsonNode value = get("tiers");
            if (value == null || !value.isArray() || value.isEmpty()) {
                problem("tiers", "required", "give at least one tier");
                return;
            }
            if (value.size() > MAX_TIERS) {
                problem("tiers", "too_many", "at most " + MAX_TIERS + " tiers");
                return;
            }
            var thresholds = new java.util.HashSet<Long>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode tier = value.get(i);
                String at = path + ".tiers[" + i + "]";
                if (!tier.isObject()) {
                    problems.add(new FieldProblem(at, "not_an_object", "a tier is an object"));
                    continue;
                }
                Fields fields = new Fields(tier, at, problems);
                each.accept(fields, i);
                fields.rejectUnknown();
                if (tier.hasNonNull("threshold")
                        && !thresholds.add(tier.get("threshold").asLong())) {
                    problems.add(new FieldProblem(at + ".threshold", "duplicate", "two tiers have the same threshold"));
                }
            }
        }

        void rejectUnknown() {
            for (String name : node.propertyNames()) {
                if (!read.contains(name)) {
                    problem(name, "unknown_field", "unknown setting '" + name + "'");
                }
            }
        }
    }
}
