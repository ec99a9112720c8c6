package io.magpie.promotion;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A realistic example config for every rule type, shown by {@code GET /api/v1/rule-types}. */
final class RuleTypeExamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("ACTIVITY_PRICE", "{\"sku_prices\":{\"TEA-100G\":3990}}");
        EXAMPLES.put("LIMITED_TIME_PRICE", "{\"sku_prices\":{\"TEA-100G\":3990,\"TEA-250G\":8990}}");
        EXAMPLES.put("MEMBER_PRICE", "{\"percent_off_bp\":500}");
        EXAMPLES.put("TRIAL_PRICE", "{\"fixed_unit_price\":990}");
        EXAMPLES.put(
                "THRESHOLD_AMOUNT_OFF",
                "{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":10000,\"amount_off\":1000},"
                        + "{\"threshold\":20000,\"amount_off\":3000}]}");
        EXAMPLES.put("EVERY_AMOUNT_OFF", "{\"every\":10000,\"amount_off\":1000,\"cap\":5000}");
        EXAMPLES.put(
                "THRESHOLD_PERCENT_OFF",
                "{\"basis\":\"ITEMS\",\"tiers\":[{\"threshold\":2,\"percent_off_bp\":1000},"
                        + "{\"threshold\":3,\"percent_off_bp\":2000}],\"cap\":10000}");
        EXAMPLES.put(
                "THRESHOLD_GIFT", "{\"basis\":\"AMOUNT\",\"threshold\":19900,\"gift_sku\":\"MUG-01\",\"quantity\":1}");
        EXAMPLES.put("BUY_X_GET_Y", "{\"buy\":2,\"get\":1,\"get_percent_off_bp\":10000,\"max_sets\":5}");
        EXAMPLES.put("ANY_N_FOR_PRICE", "{\"count\":3,\"bundle_price\":9900}");
        EXAMPLES.put("FREE_SHIPPING", "{\"min_spend\":9900}");
        EXAMPLES.put("AMOUNT_OFF", "{\"amount_off\":500,\"min_spend\":5000}");
        EXAMPLES.put("PERCENT_OFF", "{\"percent_off_bp\":1000,\"cap\":3000}");
        EXAMPLES.put("COUPON_FIXED", "{\"amount_off\":1000,\"min_spend\":9900}");
        EXAMPLES.put("COUPON_PERCENT", "{\"percent_off_bp\":1500,\"cap\":5000,\"min_spend\":0}");
        EXAMPLES.put(
                "COUPON_THRESHOLD", "{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":20000,\"amount_off\":3000}]}");
        EXAMPLES.put("COUPON_FREE_SHIPPING", "{\"min_spend\":0,\"cap\":1500}");
        EXAMPLES.put("CASH_VOUCHER", "{\"amount_off\":2000}");
    }

    private RuleTypeExamples() {}

    static JsonNode of(String ruleType) {
        String json = EXAMPLES.get(ruleType);
        return json == null ? JSON.createObjectNode() : JSON.readTree(json);
    }
}
