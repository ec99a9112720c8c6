package io.magpie.promotion.web;

import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.CampaignCommand;
import io.magpie.promotion.CampaignView;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The builder's form as the console edits it — the campaign JSON with console units: amounts in yuan
 * with at most 2 decimals ("99.90"), percents as percent off ("15" = 15% off = 8.5折), times as local
 * date-times in the schedule's zone, code lists as comma-separated text. It converts exactly (BigDecimal,
 * no floating point) to the API's {@link CampaignCommand} and back, and keeps the API's field paths so
 * that every problem lands next to its input ({@code config.tiers[1].amount_off}).
 */
final class CampaignForm {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern MONEY = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern LIST = Pattern.compile("[,，\\s]+");

    /** The settings each rule type reads, as in {@code RuleConfigs}. */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static final Set<String> MONEY_FIELDS =
            Set.of("amount_off", "cap", "min_spend", "every", "bundle_price", "fixed_unit_price");
    static final Set<String> PERCENT_FIELDS = Set.of("percent_off_bp", "get_percent_off_bp");
    static final Set<String> COUNT_FIELDS = Set.of("buy", "get", "max_sets", "count", "quantity");

    /** Every config key any type uses; a blank form carries them all so switching types keeps entries. */
    static final List<String> ALL_FIELDS = List.of(
            "basis",
            "threshold",
            "amount_off",
            "percent_off_bp",
            "cap",
            "min_spend",
            "every",
            "gift_sku",
            "quantity",
            "buy",
            "get",
            "get_percent_off_bp",
            "max_sets",
            "count",
            "bundle_price",
            "fixed_unit_price");

    static {
        for (String t : List.of("ACTIVITY_PRICE", "LIMITED_TIME_PRICE", "MEMBER_PRICE", "TRIAL_PRICE")) {
            FIELDS.put(t, List.of("sku_prices", "fixed_unit_price", "percent_off_bp"));
        }
        FIELDS.put("THRESHOLD_AMOUNT_OFF", List.of("basis", "tiers"));
        FIELDS.put("EVERY_AMOUNT_OFF", List.of("every", "amount_off", "cap"));
        FIELDS.put("THRESHOLD_PERCENT_OFF", List.of("basis", "tiers", "cap"));
        FIELDS.put("THRESHOLD_GIFT", List.of("basis", "threshold", "gift_sku", "quantity"));
        FIELDS.put("BUY_X_GET_Y", List.of("buy", "get", "get_percent_off_bp", "max_sets"));
        FIELDS.put("ANY_N_FOR_PRICE", List.of("count", "bundle_price"));
        FIELDS.put("FREE_SHIPPING", List.of("min_spend", "cap"));
        FIELDS.put("AMOUNT_OFF", List.of("amount_off", "min_spend"));
        FIELDS.put("PERCENT_OFF", List.of("percent_off_bp", "cap", "min_spend"));
        FIELDS.put("COUPON_FIXED", List.of("amount_off", "min_spend"));
        FIELDS.put("COUPON_PERCENT", List.of("percent_off_bp", "cap", "min_spend"));
        FIELDS.put("COUPON_THRESHOLD", List.of("basis", "tiers"));
        FIELDS.put("COUPON_FREE_SHIPPING", List.of("min_spend", "cap"));
        FIELDS.put("CASH_VOUCHER", List.of("amount_off"));
    }

    private CampaignForm() {}

    /** The command and the problems found while converting (bad amounts, dates, numbers). */
    record Converted(CampaignCommand command, List<FieldProblem> problems, Map<String, Integer> skuRows) {}

    // ---------------------------------------------------------------- form -> command

    static Converted toCommand(JsonNode form, ZoneId tenantZone) {
        var p = new ArrayList<FieldProblem>();
        var skuRows = new LinkedHashMap<String, Integer>();
        JsonNode schedule = obj(form, "schedule");
        String zoneId = text(schedule, "time_zone");
        ZoneId zone = tenantZone;
        try {
            if (zoneId != null) {
                zone = ZoneId.of(zoneId);
            }
        } catch (DateTimeException e) {
            // the service reports the bad zone; local times are read in the tenant's zone meanwhile
        }
        String ruleType = text(form, "rule_type");
        JsonNode config = config(ruleType, obj(form, "config"), p, skuRows);
        var windows = new ArrayList<CampaignCommand.Window>();
        JsonNode ws = form.path("schedule").path("windows");
        for (JsonNode w : ws) {
            var days = new ArrayList<String>();
            w.path("days").forEach(d -> days.add(d.asString()));
            windows.add(new CampaignCommand.Window(days, text(w, "from"), text(w, "to")));
        }
        var commandSchedule = new CampaignCommand.Schedule(
                instant(schedule, "starts_at", "schedule.starts_at", zone, p),
                instant(schedule, "ends_at", "schedule.ends_at", zone, p),
                zoneId,
                windows);
        JsonNode audience = obj(form, "audience");
        var conditions = new ArrayList<CampaignCommand.Condition>();
        for (JsonNode c : audience.path("conditions")) {
            String values = text(c, "values");
            conditions.add(new CampaignCommand.Condition(
                    text(c, "attribute"),
                    text(c, "operator"),
                    values == null
                            ? List.of()
                            : Arrays.stream(values.split("[,，]"))
                                    .map(String::strip)
                                    .filter(v -> !v.isEmpty())
                                    .toList()));
        }
        String kind = text(audience, "kind");
        String customerText = text(audience, "customer_ids");
        List<String> customerIds = "CUSTOMERS".equals(kind) && customerText != null ? list(customerText) : null;
        var commandAudience = new CampaignCommand.Audience(
                kind,
                "CONDITIONS".equals(kind) ? conditions : List.of(),
                customerIds,
                null,
                "PROVIDED".equals(kind) ? text(audience, "provider") : null,
                "PROVIDED".equals(kind) ? text(audience, "reference") : null);
        JsonNode scope = obj(form, "scope");
        var commandScope = new CampaignCommand.Scope(
                list(text(scope, "skus")),
                list(text(scope, "categories")),
                list(text(scope, "brands")),
                list(text(scope, "excluded_skus")),
                list(text(scope, "excluded_categories")),
                list(text(scope, "excluded_brands")));
        var limits = new ArrayList<CampaignCommand.Limit>();
        JsonNode ls = form.path("limits");
        for (int i = 0; i < ls.size(); i++) {
            JsonNode l = ls.get(i);
            String measure = text(l, "measure");
            String at = "limits[" + i + "].max";
            Long max =
                    "DISCOUNT_AMOUNT".equals(measure) ? money(text(l, "max"), at, p) : integer(text(l, "max"), at, p);
            limits.add(new CampaignCommand.Limit(null, measure, text(l, "per"), text(l, "period"), max));
        }
        CampaignCommand.Coupon coupon = null;
        if ("COUPON".equals(text(form, "kind"))) {
            JsonNode c = obj(form, "coupon");
            String validity = text(c, "validity");
            boolean fixed = "FIXED".equals(validity);
            Long days = fixed ? null : integer(text(c, "valid_days"), "coupon.valid_days", p);
            Long total = integer(text(c, "total_limit"), "coupon.total_limit", p);
            Long perCustomer = integer(text(c, "per_customer"), "coupon.per_customer", p);
            coupon = new CampaignCommand.Coupon(
                    validity,
                    fixed ? instant(c, "valid_from", "coupon.valid_from", zone, p) : null,
                    fixed ? instant(c, "valid_until", "coupon.valid_until", zone, p) : null,
                    days == null ? null : days.intValue(),
                    total == null ? null : total.intValue(),
                    perCustomer == null ? null : perCustomer.intValue(),
                    c.path("claimable").asBoolean(false),
                    null);
        }
        Long priority = integer(text(form, "priority"), "priority", p);
        Long version = integer(text(form, "version"), "version", p);
        var command = new CampaignCommand(
                null,
                text(form, "name"),
                text(form, "description"),
                text(form, "kind"),
                ruleType,
                config,
                null,
                null,
                priority == null ? null : priority.intValue(),
                text(form, "stacking"),
                text(form, "stack_group"),
                text(form, "percent_base"),
                commandSchedule,
                commandAudience,
                commandScope,
                list(text(form, "tiers")),
                list(text(form, "channels")),
                list(text(form, "stores")),
                text(form, "refund_policy"),
                limits,
                coupon,
                version == null ? null : version.intValue(),
                null,
                null);
        return new Converted(command, p, skuRows);
    }

    private static JsonNode config(String ruleType, JsonNode form, List<FieldProblem> p, Map<String, Integer> skuRows) {
        ObjectNode out = JSON.createObjectNode();
        List<String> fields = ruleType == null ? List.of() : FIELDS.getOrDefault(ruleType, List.of());
        boolean items = "ITEMS".equals(text(form, "basis"));
        for (String key : fields) {
            String at = "config." + key;
            switch (key) {
                case "tiers" -> {
                    ArrayNode tiers = out.putArray("tiers");
                    JsonNode rows = form.path("tiers");
                    for (int i = 0; i < rows.size(); i++) {
                        JsonNode row = rows.get(i);
                        String tierAt = at + "[" + i + "]";
                        ObjectNode tier = tiers.addObject();
                        putLong(tier, "threshold", threshold(text(row, "threshold"), items, tierAt + ".threshold", p));
                        if (ruleType.equals("THRESHOLD_PERCENT_OFF")) {
                            putLong(
                                    tier,
                                    "percent_off_bp",
                                    percent(text(row, "percent_off_bp"), tierAt + ".percent_off_bp", p));
                        } else {
                            putLong(tier, "amount_off", money(text(row, "amount_off"), tierAt + ".amount_off", p));
                        }
                    }
                }
                case "sku_prices" -> {
                    ObjectNode prices = JSON.createObjectNode();
                    JsonNode rows = form.path("sku_prices");
                    for (int i = 0; i < rows.size(); i++) {
                        String sku = text(rows.get(i), "sku");
                        String price = text(rows.get(i), "price");
                        String rowAt = at + "[" + i + "]";
                        if (sku == null && price == null) {
                            continue;
                        }
                        if (sku == null) {
                            p.add(new FieldProblem(rowAt + ".sku", "required", "SKU code is required"));
                            continue;
                        }
                        if (skuRows.containsKey(sku)) {
                            p.add(new FieldProblem(rowAt + ".sku", "duplicate", "this SKU is listed twice"));
                            continue;
                        }
                        skuRows.put(sku, i);
                        Long fen = money(price, rowAt + ".price", p);
                        if (fen == null && price == null) {
                            p.add(new FieldProblem(rowAt + ".price", "required", "price is required"));
                        }
                        if (fen != null) {
                            prices.put(sku, fen);
                        }
                    }
                    if (!prices.isEmpty()) {
                        out.set("sku_prices", prices);
                    }
                }
                case "basis", "gift_sku" -> {
                    String v = text(form, key);
                    if (v != null) {
                        out.put(key, v);
                    }
                }
                case "threshold" -> putLong(out, key, threshold(text(form, key), items, at, p));
                default -> {
                    String v = text(form, key);
                    Long value = MONEY_FIELDS.contains(key)
                            ? money(v, at, p)
                            : PERCENT_FIELDS.contains(key) ? percent(v, at, p) : integer(v, at, p);
                    putLong(out, key, value);
                }
            }
        }
        return out;
    }

    private static Long threshold(String value, boolean items, String at, List<FieldProblem> p) {
        return items ? integer(value, at, p) : money(value, at, p);
    }

    /** Yuan with at most two decimals to fen, exactly. */
    static Long money(String value, String at, List<FieldProblem> p) {
        if (value == null) {
            return null;
        }
        String v = value.replace(",", "").replace("¥", "").strip();
        if (!MONEY.matcher(v).matches()) {
            p.add(new FieldProblem(at, "invalid_amount", "an amount like 99.90 (at most two decimals)"));
            return null;
        }
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }

    /** Percent off with at most two decimals to basis points: 15 → 1500, 12.5 → 1250. */
    static Long percent(String value, String at, List<FieldProblem> p) {
        if (value == null) {
            return null;
        }
        String v = value.replace("%", "").strip();
        if (!PERCENT.matcher(v).matches()) {
            p.add(new FieldProblem(at, "invalid_percent", "a percent like 15 or 12.5"));
            return null;
        }
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }

    static Long integer(String value, String at, List<FieldProblem> p) {
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value.strip()).matches()) {
            p.add(new FieldProblem(at, "not_an_integer", "a whole number"));
            return null;
        }
        return Long.parseLong(value.strip());
    }

    private static Instant instant(JsonNode node, String key, String at, ZoneId zone, List<FieldProblem> p) {
        String v = text(node, key);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            p.add(new FieldProblem(at, "invalid_datetime", "a date and time"));
            return null;
        }
    }

    private static void putLong(ObjectNode node, String key, Long value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(LIST.split(text.strip())).filter(s -> !s.isEmpty()).toList();
    }

    private static JsonNode obj(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v != null && v.isObject() ? v : JSON.createObjectNode();
    }

    static String text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asString() : null;
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where an API problem shows in the form: per-SKU prices are rows here and an object in the API. */
    static String formPath(String apiPath, Map<String, Integer> skuRows) {
        String prefix = "config.sku_prices.";
        if (apiPath.startsWith(prefix)) {
            Integer row = skuRows.get(apiPath.substring(prefix.length()));
            return row == null ? "config.sku_prices" : "config.sku_prices[" + row + "].price";
        }
        return apiPath;
    }

    // ---------------------------------------------------------------- view -> form

    /** An empty form for a new campaign of {@code kind}. */
    static ObjectNode blank(String kind, ZoneId zone) {
        ObjectNode f = JSON.createObjectNode();
        f.put("name", "");
        f.put("description", "");
        f.put("kind", "COUPON".equals(kind) ? "COUPON" : "AUTOMATIC");
        f.put("rule_type", "");
        f.set("config", blankConfig());
        f.put("priority", "0");
        f.put("stacking", "COMMON");
        f.put("stack_group", "");
        f.put("percent_base", "CASCADING");
        f.put("refund_policy", "KEEP");
        ObjectNode s = f.putObject("schedule");
        s.put("starts_at", "");
        s.put("ends_at", "");
        s.put("time_zone", zone.getId());
        s.putArray("windows");
        ObjectNode a = f.putObject("audience");
        a.put("kind", "EVERYONE");
        a.putArray("conditions");
        a.put("customer_ids", "");
        a.put("provider", "");
        a.put("reference", "");
        ObjectNode scope = f.putObject("scope");
        for (String k :
                List.of("skus", "categories", "brands", "excluded_skus", "excluded_categories", "excluded_brands")) {
            scope.put(k, "");
        }
        f.put("tiers", "");
        f.put("channels", "");
        f.put("stores", "");
        f.putArray("limits");
        ObjectNode c = f.putObject("coupon");
        c.put("validity", "RELATIVE");
        c.put("valid_from", "");
        c.put("valid_until", "");
        c.put("valid_days", "30");
        c.put("total_limit", "");
        c.put("per_customer", "1");
        c.put("claimable", true);
        f.put("version", "");
        return f;
    }

    static ObjectNode blankConfig() {
        ObjectNode c = JSON.createObjectNode();
        for (String k : ALL_FIELDS) {
            c.put(k, "");
        }
        c.put("basis", "AMOUNT");
        ArrayNode tiers = c.putArray("tiers");
        tiers.add(tier("", "", ""));
        ArrayNode prices = c.putArray("sku_prices");
        ObjectNode row = prices.addObject();
        row.put("sku", "");
        row.put("price", "");
        return c;
    }

    private static ObjectNode tier(String threshold, String amountOff, String percentOff) {
        ObjectNode t = JSON.createObjectNode();
        t.put("threshold", threshold);
        t.put("amount_off", amountOff);
        t.put("percent_off_bp", percentOff);
        return t;
    }

    /** The form of a stored campaign. */
    static ObjectNode of(CampaignView v) {
        ZoneId zone = ZoneId.of(v.schedule().timeZone());
        ObjectNode f = blank(v.kind().name(), zone);
        f.put("name", v.name());
        f.put("description", v.description() == null ? "" : v.description());
        f.put("rule_type", v.ruleType());
        f.put("priority", Integer.toString(v.priority()));
        f.put("stacking", v.stacking().name());
        f.put("stack_group", v.stackGroup() == null ? "" : v.stackGroup());
        f.put("percent_base", v.percentBase().name());
        f.put("refund_policy", v.refundPolicy().name());
        f.put("version", Integer.toString(v.version()));
        ObjectNode config = (ObjectNode) f.get("config");
        JsonNode c = v.config();
        boolean items = "ITEMS".equals(text(c, "basis"));
        c.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "tiers" -> {
                    ArrayNode tiers = config.putArray("tiers");
                    for (JsonNode t : value) {
                        String threshold = items
                                ? t.get("threshold").asString()
                                : yuan(t.get("threshold").asLong());
                        tiers.add(tier(
                                threshold,
                                t.has("amount_off") ? yuan(t.get("amount_off").asLong()) : "",
                                t.has("percent_off_bp")
                                        ? percentText(t.get("percent_off_bp").asLong())
                                        : ""));
                    }
                }
                case "sku_prices" -> {
                    ArrayNode rows = config.putArray("sku_prices");
                    value.properties().forEach(sp -> {
                        ObjectNode row = rows.addObject();
                        row.put("sku", sp.getKey());
                        row.put("price", yuan(sp.getValue().asLong()));
                    });
                    if (rows.isEmpty()) {
                        ObjectNode row = rows.addObject();
                        row.put("sku", "");
                        row.put("price", "");
                    }
                }
                case "threshold" -> config.put(key, items ? value.asString() : yuan(value.asLong()));
                default -> {
                    if (MONEY_FIELDS.contains(key)) {
                        config.put(key, yuan(value.asLong()));
                    } else if (PERCENT_FIELDS.contains(key)) {
                        config.put(key, percentText(value.asLong()));
                    } else {
                        config.put(key, value.asString());
                    }
                }
            }
        });
        ObjectNode s = (ObjectNode) f.get("schedule");
        s.put("starts_at", local(v.schedule().startsAt(), zone));
        s.put("ends_at", local(v.schedule().endsAt(), zone));
        ArrayNode windows = s.putArray("windows");
        v.schedule().windows().forEach(w -> {
            ObjectNode row = windows.addObject();
            ArrayNode days = row.putArray("days");
            w.days().forEach(d -> days.add(d.name()));
            row.put("from", w.from());
            row.put("to", w.to());
        });
        ObjectNode a = (ObjectNode) f.get("audience");
        a.put("kind", v.audience().kind().name());
        ArrayNode conditions = a.putArray("conditions");
        v.audience().conditions().forEach(c2 -> {
            ObjectNode row = conditions.addObject();
            row.put("attribute", c2.attribute());
            row.put("operator", c2.operator().name());
            row.put("values", String.join(", ", c2.values()));
        });
        if (v.audience().customerCount() != null) {
            a.put("customer_count", v.audience().customerCount());
        }
        a.put("provider", v.audience().provider() == null ? "" : v.audience().provider());
        a.put("reference", v.audience().reference() == null ? "" : v.audience().reference());
        ObjectNode scope = (ObjectNode) f.get("scope");
        scope.put("skus", String.join(", ", v.scope().skus()));
        scope.put("categories", String.join(", ", v.scope().categories()));
        scope.put("brands", String.join(", ", v.scope().brands()));
        scope.put("excluded_skus", String.join(", ", v.scope().excludedSkus()));
        scope.put("excluded_categories", String.join(", ", v.scope().excludedCategories()));
        scope.put("excluded_brands", String.join(", ", v.scope().excludedBrands()));
        f.put("tiers", String.join(", ", v.tiers()));
        f.put("channels", String.join(", ", v.channels()));
        f.put("stores", String.join(", ", v.stores()));
        ArrayNode limits = f.putArray("limits");
        v.limits().forEach(l -> {
            ObjectNode row = limits.addObject();
            row.put("measure", l.measure().name());
            row.put("per", l.per().name());
            row.put("period", l.period().name());
            row.put("max", l.measure().name().equals("DISCOUNT_AMOUNT") ? yuan(l.max()) : Long.toString(l.max()));
        });
        if (v.coupon() != null) {
            ObjectNode k = (ObjectNode) f.get("coupon");
            k.put("validity", v.coupon().validity().name());
            k.put("valid_from", local(v.coupon().validFrom(), zone));
            k.put("valid_until", local(v.coupon().validUntil(), zone));
            k.put(
                    "valid_days",
                    v.coupon().validDays() == null ? "" : v.coupon().validDays().toString());
            k.put(
                    "total_limit",
                    v.coupon().totalLimit() == null
                            ? ""
                            : v.coupon().totalLimit().toString());
            k.put("per_customer", Integer.toString(v.coupon().perCustomer()));
            k.put("claimable", v.coupon().claimable());
        }
        return f;
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static String percentText(long bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }
}
