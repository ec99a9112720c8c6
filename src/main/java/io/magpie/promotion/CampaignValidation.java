package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.RuleType;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import io.magpie.promotion.pricing.Stage;
import io.magpie.tenant.Tenants;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link CampaignCommand} completely before anything is written and turns it into a
 * {@link Campaign}: every problem is collected with its path (e.g. {@code config.tiers[1].amount_off},
 * {@code schedule.windows[0].from}). Shape problems answer 400 {@code validation_failed}; when the only
 * problems are unknown audience providers or references the answer is 422 with that code.
 */
@Component
class CampaignValidation {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_CODE = 64;
    static final int MAX_CODES = 1_000;
    static final int MAX_WINDOWS = 20;
    static final int MAX_CONDITIONS = 20;
    static final int MAX_CONDITION_VALUES = 100;
    static final int MAX_CUSTOMERS = 100_000;
    static final int MAX_CUSTOMER_ID = 100;
    static final int MAX_LIMITS = 10;
    static final int MAX_PRIORITY = 1_000;
    static final int MAX_VALID_DAYS = 3_650;
    private static final Pattern CODE = Pattern.compile("[^\\s,\\p{Cntrl}]{1," + MAX_CODE + "}");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Set<String> REFERENCE_CODES =
            Set.of("unknown_audience_provider", "unknown_audience_reference");

    /** One limit a campaign asks for; at most one per measure × per × period. */
    record LimitSpec(LimitMeasure measure, LimitScope per, LimitPeriod period, long max) {

        String key() {
            return measure + "/" + per + "/" + period;
        }
    }

    /**
     * @param campaign the campaign (id 0, status DRAFT, version 0 — the caller fills in what it keeps)
     * @param customerIds the explicit audience list, or null to keep what is stored
     */
    record Validated(Campaign campaign, List<LimitSpec> limits, List<String> customerIds) {}

    private final Tenants tenants;
    private final Map<String, AudienceProvider> providers = new HashMap<>();

    CampaignValidation(Tenants tenants, List<AudienceProvider> providers) {
        this.tenants = tenants;
        providers.forEach(p -> this.providers.put(p.name(), p));
    }

    /**
     * @param storedList whether a stored customer list exists that an absent {@code customer_ids} keeps
     */
    Validated check(long tenantId, CampaignCommand c, boolean storedList) {
        var p = new ArrayList<FieldProblem>();
        String name = text(c.name(), "name", MAX_NAME, true, p);
        String description = text(c.description(), "description", MAX_DESCRIPTION, false, p);
        CampaignKind kind = required(c.kind(), "kind", CampaignKind.class, p);
        String ruleType = c.ruleType() == null ? null : c.ruleType().strip();
        PromotionConfig config = null;
        if (ruleType == null || ruleType.isEmpty()) {
            p.add(new FieldProblem("rule_type", "required", "rule_type is required"));
        } else {
            RuleType type = Campaigns.RULES.find(ruleType).orElse(null);
            if (type == null) {
                p.add(new FieldProblem("rule_type", "unknown_rule_type", "unknown rule type '" + ruleType + "'"));
            } else {
                if (kind == CampaignKind.COUPON && type.stage() != Stage.COUPON) {
                    p.add(new FieldProblem(
                            "rule_type",
                            "rule_type_not_for_kind",
                            ruleType + " applies by itself; a coupon template needs a coupon rule type"));
                } else if (kind == CampaignKind.AUTOMATIC && type.stage() == Stage.COUPON) {
                    p.add(new FieldProblem(
                            "rule_type",
                            "rule_type_not_for_kind",
                            ruleType + " is a coupon rule type; it needs kind COUPON"));
                }
                config = RuleConfigs.read(ruleType, c.config(), "config", p);
            }
        }
        int priority = c.priority() == null ? 0 : c.priority();
        if (Math.abs(priority) > MAX_PRIORITY) {
            p.add(new FieldProblem(
                    "priority", "out_of_range", "priority must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY));
        }
        Stacking stacking = optional(c.stacking(), "stacking", Stacking.class, Stacking.COMMON, p);
        String stackGroup = blankToNull(c.stackGroup());
        if (stackGroup != null && !GROUP.matcher(stackGroup).matches()) {
            p.add(new FieldProblem(
                    "stack_group", "invalid_value", "stack_group is 1 to 50 letters, digits, '_', '-' or '.'"));
        }
        PercentBase percentBase =
                optional(c.percentBase(), "percent_base", PercentBase.class, PercentBase.CASCADING, p);
        Schedule schedule = schedule(tenantId, c.schedule(), p);
        List<String> customerIds = new ArrayList<>();
        Audience audience = audience(tenantId, c.audience(), customerIds, p);
        if (audience.kind() == Audience.Kind.CUSTOMERS
                && (c.audience() == null || c.audience().customerIds() == null)) {
            if (storedList) {
                customerIds = null; // keep the stored list
            } else {
                p.add(new FieldProblem("audience.customer_ids", "required", "give at least one customer id"));
            }
        }
        Scope scope = scope(c.scope(), p);
        Set<String> tiers = codes(c.tiers(), "tiers", 100, p);
        Set<String> channels = codes(c.channels(), "channels", 100, p);
        Set<String> stores = codes(c.stores(), "stores", MAX_CODES, p);
        RefundPolicy refundPolicy =
                optional(c.refundPolicy(), "refund_policy", RefundPolicy.class, RefundPolicy.KEEP, p);
        List<LimitSpec> limits = limits(c.limits(), p);
        CouponSettings coupon = coupon(kind, c.coupon(), p);
        if (!p.isEmpty()) {
            throw problem(p);
        }
        Campaign campaign = new Campaign(
                0,
                tenantId,
                name,
                description,
                kind,
                ruleType,
                config,
                CampaignStatus.DRAFT,
                priority,
                stacking,
                stackGroup,
                percentBase,
                schedule,
                audience,
                scope,
                tiers,
                channels,
                stores,
                refundPolicy,
                coupon,
                0,
                0,
                null,
                null,
                null);
        return new Validated(campaign, limits, customerIds);
    }

    static ProblemException problem(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).message()
                : problems.size() + " problems: " + problems.get(0).field() + ": "
                        + problems.get(0).message() + "; …";
        if (problems.stream().allMatch(x -> REFERENCE_CODES.contains(x.code()))) {
            return new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT, problems.get(0).code(), detail, problems);
        }
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", detail, problems);
    }

    private Schedule schedule(long tenantId, CampaignCommand.Schedule s, List<FieldProblem> p) {
        ZoneId zone = null;
        if (s != null && s.timeZone() != null && !s.timeZone().isBlank()) {
            String id = s.timeZone().strip();
            if (ZoneId.getAvailableZoneIds().contains(id)) {
                zone = ZoneId.of(id);
            } else {
                p.add(new FieldProblem(
                        "schedule.time_zone",
                        "unknown_time_zone",
                        "'" + id + "' is not an IANA time zone such as Asia/Shanghai"));
            }
        }
        if (zone == null) {
            zone = tenants.get(tenantId).timeZone();
        }
        if (s == null) {
            return new Schedule(null, null, zone, List.of());
        }
        if (s.startsAt() != null && s.endsAt() != null && !s.endsAt().isAfter(s.startsAt())) {
            p.add(new FieldProblem("schedule.ends_at", "ends_before_start", "ends_at must be after starts_at"));
        }
        List<Window> windows = new ArrayList<>();
        List<CampaignCommand.Window> given = s.windows() == null ? List.of() : s.windows();
        if (given.size() > MAX_WINDOWS) {
            p.add(new FieldProblem("schedule.windows", "too_many", "at most " + MAX_WINDOWS + " windows"));
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String at = "schedule.windows[" + i + "]";
            CampaignCommand.Window w = given.get(i);
            if (w == null) {
                p.add(new FieldProblem(at, "required", "a window is an object"));
                continue;
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            List<String> names = w.days() == null ? List.of() : w.days();
            for (int d = 0; d < names.size(); d++) {
                DayOfWeek day = parse(names.get(d), at + ".days[" + d + "]", DayOfWeek.class, p);
                if (day != null) {
                    days.add(day);
                }
            }
            LocalTime from = time(w.from(), at + ".from", p);
            LocalTime to = time(w.to(), at + ".to", p);
            if (from != null && to != null) {
                if (from.equals(to)) {
                    p.add(new FieldProblem(
                            at + ".to", "empty_window", "a window must not start and end at the same time"));
                } else {
                    windows.add(new Window(days, from, to));
                }
            }
        }
        return new Schedule(s.startsAt(), s.endsAt(), zone, windows);
    }

    private static LocalTime time(String value, String path, List<FieldProblem> p) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(path, "required", "a time of day HH:mm is required"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            p.add(new FieldProblem(path, "invalid_time", "'" + value + "' is not a time of day HH:mm (00:00–23:59)"));
            return null;
        }
    }

    private Audience audience(
            long tenantId, CampaignCommand.Audience a, List<String> customerIds, List<FieldProblem> p) {
        if (a == null) {
            return Audience.everyone();
        }
        Audience.Kind kind = optional(a.kind(), "audience.kind", Audience.Kind.class, Audience.Kind.EVERYONE, p);
        List<Condition> conditions = new ArrayList<>();
        String provider = null;
        String reference = null;
        List<CampaignCommand.Condition> given = a.conditions() == null ? List.of() : a.conditions();
        if (kind != Audience.Kind.CONDITIONS && !given.isEmpty()) {
            p.add(new FieldProblem("audience.conditions", "not_allowed", "conditions are only for kind CONDITIONS"));
        }
        if (kind != Audience.Kind.CUSTOMERS
                && a.customerIds() != null
                && !a.customerIds().isEmpty()) {
            p.add(new FieldProblem("audience.customer_ids", "not_allowed", "customer_ids are only for kind CUSTOMERS"));
        }
        if (kind != Audience.Kind.PROVIDED && (a.provider() != null || a.reference() != null)) {
            p.add(new FieldProblem(
                    "audience.provider", "not_allowed", "provider and reference are only for kind PROVIDED"));
        }
        switch (kind) {
            case EVERYONE -> {}
            case CONDITIONS -> {
                if (given.isEmpty()) {
                    p.add(new FieldProblem("audience.conditions", "required", "give at least one condition"));
                } else if (given.size() > MAX_CONDITIONS) {
                    p.add(new FieldProblem(
                            "audience.conditions", "too_many", "at most " + MAX_CONDITIONS + " conditions"));
                } else {
                    for (int i = 0; i < given.size(); i++) {
                        Condition c = condition(given.get(i), "audience.conditions[" + i + "]", p);
                        if (c != null) {
                            conditions.add(c);
                        }
                    }
                }
            }
            case CUSTOMERS -> {
                List<String> ids = a.customerIds();
                if (ids == null) {
                    break; // an update keeps the stored list; a create checks emptiness below
                }
                if (ids.isEmpty()) {
                    p.add(new FieldProblem("audience.customer_ids", "required", "give at least one customer id"));
                } else if (ids.size() > MAX_CUSTOMERS) {
                    p.add(new FieldProblem(
                            "audience.customer_ids", "too_many", "at most " + MAX_CUSTOMERS + " customer ids"));
                } else {
                    var unique = new LinkedHashSet<String>();
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i) == null ? "" : ids.get(i).strip();
                        if (id.isEmpty() || id.length() > MAX_CUSTOMER_ID || TextChecks.hasControl(id)) {
                            p.add(new FieldProblem(
                                    "audience.customer_ids[" + i + "]",
                                    "invalid_value",
                                    "a customer id is 1 to " + MAX_CUSTOMER_ID
                                            + " characters without control characters"));
                        } else {
                            unique.add(id);
                        }
                    }
                    customerIds.addAll(unique);
                }
            }
            case PROVIDED -> {
                provider = blankToNull(a.provider());
                reference = blankToNull(a.reference());
                if (provider == null) {
                    p.add(new FieldProblem("audience.provider", "required", "provider is required"));
                } else if (!providers.containsKey(provider)) {
                    p.add(new FieldProblem(
                            "audience.provider",
                            "unknown_audience_provider",
                            providers.isEmpty()
                                    ? "no audience provider '" + provider + "' is installed (none is yet)"
                                    : "no audience provider '" + provider + "'; installed: "
                                            + String.join(", ", new java.util.TreeSet<>(providers.keySet()))));
                }
                if (reference == null) {
                    p.add(new FieldProblem("audience.reference", "required", "reference is required"));
                } else if (TextChecks.hasControl(reference)) {
                    p.add(new FieldProblem(
                            "audience.reference", "invalid_value", "reference must not contain control characters"));
                } else if (reference.length() > MAX_CUSTOMER_ID) {
                    p.add(new FieldProblem(
                            "audience.reference",
                            "too_long",
                            "reference is at most " + MAX_CUSTOMER_ID + " characters"));
                } else if (provider != null
                        && providers.containsKey(provider)
                        && !providers.get(provider).exists(tenantId, reference)) {
                    p.add(new FieldProblem(
                            "audience.reference",
                            "unknown_audience_reference",
                            "'" + reference + "' does not exist for provider " + provider));
                }
            }
        }
        return new Audience(kind, conditions, provider, reference);
    }

    private static Condition condition(CampaignCommand.Condition c, String at, List<FieldProblem> p) {
        if (c == null) {
            p.add(new FieldProblem(at, "required", "a condition is an object"));
            return null;
        }
        String attribute = text(c.attribute(), at + ".attribute", 100, true, p);
        Condition.Operator op = null;
        if (c.operator() == null || c.operator().isBlank()) {
            p.add(new FieldProblem(at + ".operator", "required", "operator is required"));
        } else {
            try {
                op = Condition.Operator.valueOf(c.operator().strip());
            } catch (IllegalArgumentException e) {
                p.add(new FieldProblem(
                        at + ".operator",
                        "unknown_operator",
                        "unknown operator '" + c.operator() + "'; use one of " + List.of(Condition.Operator.values())));
            }
        }
        List<String> values = c.values() == null ? List.of() : c.values();
        if (values.size() > MAX_CONDITION_VALUES) {
            p.add(new FieldProblem(at + ".values", "too_many", "at most " + MAX_CONDITION_VALUES + " values"));
        } else if (values.stream()
                .anyMatch(v -> v == null || v.isBlank() || v.length() > 200 || TextChecks.hasControl(v))) {
            p.add(new FieldProblem(
                    at + ".values", "invalid_value", "each value is 1 to 200 characters without control characters"));
        } else if (op != null) {
            int n = values.size();
            boolean ok = switch (op) {
                case EXISTS -> n == 0;
                case EQ, NE, GTE, LTE -> n == 1;
                case IN, NOT_IN -> n >= 1;
            };
            if (!ok) {
                p.add(new FieldProblem(
                        at + ".values",
                        "wrong_count",
                        switch (op) {
                            case EXISTS -> "EXISTS takes no values";
                            case EQ, NE, GTE, LTE -> op + " takes exactly one value";
                            case IN, NOT_IN -> op + " takes at least one value";
                        }));
            }
        }
        if (attribute == null || op == null) {
            return null;
        }
        return new Condition(attribute, op, values.stream().map(String::strip).toList());
    }

    private static Scope scope(CampaignCommand.Scope s, List<FieldProblem> p) {
        if (s == null) {
            return Scope.all();
        }
        return new Scope(
                codes(s.skus(), "scope.skus", MAX_CODES, p),
                codes(s.categories(), "scope.categories", MAX_CODES, p),
                codes(s.brands(), "scope.brands", MAX_CODES, p),
                codes(s.excludedSkus(), "scope.excluded_skus", MAX_CODES, p),
                codes(s.excludedCategories(), "scope.excluded_categories", MAX_CODES, p),
                codes(s.excludedBrands(), "scope.excluded_brands", MAX_CODES, p));
    }

    private static Set<String> codes(List<String> values, String path, int max, List<FieldProblem> p) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        if (values.size() > max) {
            p.add(new FieldProblem(path, "too_many", "at most " + max + " codes"));
            return Set.of();
        }
        var codes = new LinkedHashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (!CODE.matcher(v).matches()) {
                p.add(new FieldProblem(
                        path + "[" + i + "]",
                        "invalid_code",
                        "a code is 1 to " + MAX_CODE + " characters without spaces or commas"));
            } else {
                codes.add(v);
            }
        }
        return codes;
    }

    private static List<LimitSpec> limits(List<CampaignCommand.Limit> given, List<FieldProblem> p) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > MAX_LIMITS) {
            p.add(new FieldProblem("limits", "too_many", "at most " + MAX_LIMITS + " limits"));
            return List.of();
        }
        var specs = new ArrayList<LimitSpec>();
        var keys = new HashSet<String>();
        for (int i = 0; i < given.size(); i++) {
            String at = "limits[" + i + "]";
            CampaignCommand.Limit l = given.get(i);
            if (l == null) {
                p.add(new FieldProblem(at, "required", "a limit is an object"));
                continue;
            }
            LimitMeasure measure = required(l.measure(), at + ".measure", LimitMeasure.class, p);
            LimitScope per = required(l.per(), at + ".per", LimitScope.class, p);
            LimitPeriod period = optional(l.period(), at + ".period", LimitPeriod.class, LimitPeriod.TOTAL, p);
            if (l.max() == null) {
                p.add(new FieldProblem(at + ".max", "required", "max is required"));
            } else if (l.max() < 0) {
                p.add(new FieldProblem(at + ".max", "negative", "max must not be negative"));
            }
            if (measure != null && per != null && period != null && l.max() != null && l.max() >= 0) {
                LimitSpec spec = new LimitSpec(measure, per, period, l.max());
                if (!keys.add(spec.key())) {
                    p.add(new FieldProblem(
                            at,
                            "duplicate",
                            "another limit already counts " + measure + " per " + per + " per " + period));
                } else {
                    specs.add(spec);
                }
            }
        }
        return specs;
    }

    private static CouponSettings coupon(CampaignKind kind, CampaignCommand.Coupon c, List<FieldProblem> p) {
        if (kind != CampaignKind.COUPON) {
            if (c != null && kind != null) {
                p.add(new FieldProblem("coupon", "not_allowed", "coupon settings are only for kind COUPON"));
            }
            return null;
        }
        if (c == null) {
            p.add(new FieldProblem("coupon", "required", "a coupon template needs coupon settings"));
            return null;
        }
        CouponSettings.Validity validity = required(c.validity(), "coupon.validity", CouponSettings.Validity.class, p);
        if (validity == CouponSettings.Validity.FIXED) {
            if (c.validFrom() == null) {
                p.add(new FieldProblem("coupon.valid_from", "required", "valid_from is required for FIXED validity"));
            }
            if (c.validUntil() == null) {
                p.add(new FieldProblem("coupon.valid_until", "required", "valid_until is required for FIXED validity"));
            }
            if (c.validFrom() != null
                    && c.validUntil() != null
                    && !c.validUntil().isAfter(c.validFrom())) {
                p.add(new FieldProblem(
                        "coupon.valid_until", "ends_before_start", "valid_until must be after valid_from"));
            }
            if (c.validDays() != null) {
                p.add(new FieldProblem("coupon.valid_days", "not_allowed", "valid_days is for RELATIVE validity"));
            }
        } else if (validity == CouponSettings.Validity.RELATIVE) {
            if (c.validDays() == null) {
                p.add(new FieldProblem(
                        "coupon.valid_days", "required", "valid_days is required for RELATIVE validity"));
            } else if (c.validDays() < 1 || c.validDays() > MAX_VALID_DAYS) {
                p.add(new FieldProblem(
                        "coupon.valid_days", "out_of_range", "valid_days must be between 1 and " + MAX_VALID_DAYS));
            }
            if (c.validFrom() != null || c.validUntil() != null) {
                p.add(new FieldProblem(
                        "coupon.valid_from", "not_allowed", "valid_from and valid_until are for FIXED validity"));
            }
        }
        int perCustomer = c.perCustomer() == null ? 1 : c.perCustomer();
        if (perCustomer < 1 || perCustomer > 1_000) {
            p.add(new FieldProblem("coupon.per_customer", "out_of_range", "per_customer must be between 1 and 1000"));
        }
        if (c.totalLimit() != null && c.totalLimit() < 0) {
            p.add(new FieldProblem("coupon.total_limit", "negative", "total_limit must not be negative"));
        }
        if (validity == null) {
            return null;
        }
        return new CouponSettings(
                validity,
                validity == CouponSettings.Validity.FIXED ? c.validFrom() : null,
                validity == CouponSettings.Validity.FIXED ? c.validUntil() : null,
                validity == CouponSettings.Validity.RELATIVE ? c.validDays() : null,
                c.totalLimit(),
                perCustomer,
                Boolean.TRUE.equals(c.claimable()));
    }

    private static String text(String value, String path, int max, boolean required, List<FieldProblem> p) {
        String v = blankToNull(value);
        if (v == null) {
            if (required) {
                p.add(new FieldProblem(path, "required", path + " is required"));
            }
            return null;
        }
        if (v.length() > max) {
            p.add(new FieldProblem(path, "too_long", path + " is at most " + max + " characters"));
        } else if (TextChecks.hasControl(v, path.equals("description"))) {
            p.add(new FieldProblem(path, "invalid_value", path + " must not contain control characters"));
        }
        return v;
    }

    private static <E extends Enum<E>> E required(String value, String path, Class<E> type, List<FieldProblem> p) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(path, "required", path + " is required"));
            return null;
        }
        return parse(value, path, type, p);
    }

    private static <E extends Enum<E>> E optional(
            String value, String path, Class<E> type, E fallback, List<FieldProblem> p) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        E parsed = parse(value, path, type, p);
        return parsed == null ? fallback : parsed;
    }

    private static <E extends Enum<E>> E parse(String value, String path, Class<E> type, List<FieldProblem> p) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            p.add(new FieldProblem(
                    path, "unknown_value", "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
