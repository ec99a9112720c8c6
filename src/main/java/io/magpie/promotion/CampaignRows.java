package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import io.magpie.promotion.pricing.PercentBase;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stores campaigns: one row each, with schedule windows, audience and scope as JSON. */
@Repository
class CampaignRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String COLUMNS = """
            c.id, c.tenant_id, c.name, c.description, c.kind, c.rule_type, c.config::text as config, c.status,
            c.priority, c.stacking, c.stack_group, c.percent_base, c.starts_at, c.ends_at, c.time_zone,
            c.windows::text as windows, c.audience::text as audience, c.scope::text as scope, c.tiers, c.channels,
            c.stores, c.refund_policy, c.validity_kind, c.valid_from, c.valid_until, c.valid_days,
            c.claim_total_limit, c.claim_per_customer, c.claimable, c.issued_count, c.version, c.created_by,
            c.created_at, c.updated_at""";

    private static final String FROM = " from promotion_campaign c ";

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code c} (its id, version and issued count are ignored) and returns its id. */
    long insert(Campaign c) {
        return jdbc.sql("""
                        insert into promotion_campaign (tenant_id, name, description, kind, rule_type, config, status,
                          priority, stacking, stack_group, percent_base, starts_at, ends_at, time_zone, windows,
                          audience, scope, tiers, channels, stores, refund_policy, validity_kind, valid_from, valid_until,
                          valid_days, claim_total_limit, claim_per_customer, claimable, created_by, created_at,
                          updated_at)
                        values (:tenant, :name, :description, :kind, :ruleType, cast(:config as jsonb), :status,
                          :priority, :stacking, :stackGroup, :percentBase, :startsAt, :endsAt, :zone,
                          cast(:windows as jsonb), cast(:audience as jsonb), cast(:scope as jsonb), :tiers, :channels,
                          :stores, :refundPolicy, :validity, :validFrom, :validUntil, :validDays, :totalLimit,
                          :perCustomer, :claimable, :createdBy, :createdAt, :updatedAt)
                        returning id""").paramSource(params(c)).query(Long.class).single();
    }

    /**
     * Replaces the editable fields of campaign {@code c.id()} if its version is still {@code c.version()};
     * returns false when someone else changed it meanwhile (optimistic locking).
     */
    boolean update(Campaign c) {
        var params = params(c);
        params.put("id", c.id());
        params.put("version", c.version());
        return jdbc.sql("""
                        update promotion_campaign set name = :name, description = :description, kind = :kind,
                          rule_type = :ruleType, config = cast(:config as jsonb), status = :status,
                          priority = :priority, stacking = :stacking, stack_group = :stackGroup,
                          percent_base = :percentBase, starts_at = :startsAt, ends_at = :endsAt, time_zone = :zone,
                          windows = cast(:windows as jsonb), audience = cast(:audience as jsonb),
                          scope = cast(:scope as jsonb), tiers = :tiers, channels = :channels, stores = :stores,
                          refund_policy = :refundPolicy, validity_kind = :validity, valid_from = :validFrom,
                          valid_until = :validUntil, valid_days = :validDays, claim_total_limit = :totalLimit,
                          claim_per_customer = :perCustomer, claimable = :claimable, updated_at = :updatedAt,
                          version = version + 1
                        where tenant_id = :tenant and id = :id and version = :version""").paramSource(params).update() == 1;
    }

    Optional<Campaign> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where c.tenant_id = ? and c.id = ?")
                .params(tenantId, id)
                .query(CampaignRows::map)
                .optional();
    }

    /** Campaigns that may apply now or later: ACTIVE or PAUSED and not past their end. */
    List<Campaign> live(long tenantId, Instant at) {
        return jdbc.sql("select " + COLUMNS + FROM + """
                        where c.tenant_id = ? and c.status in ('ACTIVE', 'PAUSED')
                          and (c.ends_at is null or c.ends_at > ?)
                        order by c.id""")
                .params(tenantId, Timestamp.from(at))
                .query(CampaignRows::map)
                .list();
    }

    void replaceAudienceCustomers(long tenantId, long campaignId, List<String> customerIds) {
        jdbc.sql("delete from promotion_audience_customer where tenant_id = ? and campaign_id = ?")
                .params(tenantId, campaignId)
                .update();
        if (!customerIds.isEmpty()) {
            jdbc.sql("""
                            insert into promotion_audience_customer (tenant_id, campaign_id, customer_id)
                            select ?, ?, unnest(?::text[]) on conflict do nothing""")
                    .params(tenantId, campaignId, customerIds.toArray(String[]::new))
                    .update();
        }
    }

    boolean inAudienceList(long tenantId, long campaignId, String customerId) {
        return jdbc.sql("""
                        select exists (select 1 from promotion_audience_customer
                        where tenant_id = ? and campaign_id = ? and customer_id = ?)""")
                .params(tenantId, campaignId, customerId)
                .query(Boolean.class)
                .single();
    }

    void linkLimit(long tenantId, long campaignId, long limitId) {
        jdbc.sql("insert into promotion_campaign_limit (tenant_id, campaign_id, limit_id) values (?, ?, ?)")
                .params(tenantId, campaignId, limitId)
                .update();
    }

    List<CampaignLimit> limits(long tenantId, long campaignId) {
        return jdbc.sql("""
                        select l.id, l.measure, l.per, l.period, l.max_amount from promotion_campaign_limit cl
                        join promotion_limit l on l.tenant_id = cl.tenant_id and l.id = cl.limit_id
                        where cl.tenant_id = ? and cl.campaign_id = ? order by l.id""")
                .params(tenantId, campaignId)
                .query((rs, n) -> new CampaignLimit(
                        campaignId,
                        new LimitDefinition(
                                rs.getLong(1),
                                LimitMeasure.valueOf(rs.getString(2)),
                                LimitScope.valueOf(rs.getString(3)),
                                LimitPeriod.valueOf(rs.getString(4)),
                                rs.getLong(5))))
                .list();
    }

    private static Map<String, Object> params(Campaign c) {
        var p = new LinkedHashMap<String, Object>();
        p.put("tenant", c.tenantId());
        p.put("name", c.name());
        p.put("description", c.description());
        p.put("kind", c.kind().name());
        p.put("ruleType", c.ruleType());
        p.put("config", RuleConfigs.toStored(c.ruleType(), c.config()));
        p.put("status", c.status().name());
        p.put("priority", c.priority());
        p.put("stacking", c.stacking().name());
        p.put("stackGroup", c.stackGroup());
        p.put("percentBase", c.percentBase().name());
        Schedule s = c.schedule();
        p.put("startsAt", timestamp(s.startsAt()));
        p.put("endsAt", timestamp(s.endsAt()));
        p.put("zone", s.zone().getId());
        p.put(
                "windows",
                JSON.writeValueAsString(s.windows().stream()
                        .map(w -> Map.of(
                                "days",
                                new TreeSet<>(w.days()).stream().map(Enum::name).toList(),
                                "from",
                                w.from().toString(),
                                "to",
                                w.to().toString()))
                        .toList()));
        p.put("audience", JSON.writeValueAsString(audienceJson(c.audience())));
        p.put("scope", JSON.writeValueAsString(scopeJson(c.scope())));
        p.put("tiers", sorted(c.tiers()));
        p.put("channels", sorted(c.channels()));
        p.put("stores", sorted(c.stores()));
        p.put("refundPolicy", c.refundPolicy().name());
        CouponSettings k = c.coupon();
        p.put("validity", k == null ? null : k.validity().name());
        p.put("validFrom", k == null ? null : timestamp(k.validFrom()));
        p.put("validUntil", k == null ? null : timestamp(k.validUntil()));
        p.put("validDays", k == null ? null : k.validDays());
        p.put("totalLimit", k == null ? null : k.totalLimit());
        p.put("perCustomer", k == null ? null : k.perCustomer());
        p.put("claimable", k != null && k.claimable());
        p.put("createdBy", c.createdBy());
        p.put("createdAt", timestamp(c.createdAt()));
        p.put("updatedAt", timestamp(c.updatedAt()));
        return p;
    }

    private static Map<String, Object> audienceJson(Audience a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("kind", a.kind().name());
        if (!a.conditions().isEmpty()) {
            m.put(
                    "conditions",
                    a.conditions().stream()
                            .map(x -> Map.of(
                                    "attribute",
                                    x.attribute(),
                                    "operator",
                                    x.operator().name(),
                                    "values",
                                    x.values()))
                            .toList());
        }
        if (a.provider() != null) {
            m.put("provider", a.provider());
            m.put("reference", a.reference());
        }
        return m;
    }

    private static Map<String, Object> scopeJson(Scope s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("skus", sortedList(s.skus()));
        m.put("categories", sortedList(s.categories()));
        m.put("brands", sortedList(s.brands()));
        m.put("excluded_skus", sortedList(s.excludedSkus()));
        m.put("excluded_categories", sortedList(s.excludedCategories()));
        m.put("excluded_brands", sortedList(s.excludedBrands()));
        return m;
    }

    static Campaign map(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        List<Window> windows = new ArrayList<>();
        for (JsonNode w : JSON.readTree(rs.getString("windows"))) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            w.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asString())));
            windows.add(new Window(
                    days,
                    LocalTime.parse(w.get("from").asString()),
                    LocalTime.parse(w.get("to").asString())));
        }
        String kind = rs.getString("validity_kind");
        CouponSettings coupon = kind == null
                ? null
                : new CouponSettings(
                        CouponSettings.Validity.valueOf(kind),
                        instant(rs.getTimestamp("valid_from")),
                        instant(rs.getTimestamp("valid_until")),
                        (Integer) rs.getObject("valid_days"),
                        (Integer) rs.getObject("claim_total_limit"),
                        rs.getInt("claim_per_customer"),
                        rs.getBoolean("claimable"));
        String ruleType = rs.getString("rule_type");
        return new Campaign(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("name"),
                rs.getString("description"),
                CampaignKind.valueOf(rs.getString("kind")),
                ruleType,
                RuleConfigs.fromStored(ruleType, rs.getString("config")),
                CampaignStatus.valueOf(rs.getString("status")),
                rs.getInt("priority"),
                Stacking.valueOf(rs.getString("stacking")),
                rs.getString("stack_group"),
                PercentBase.valueOf(rs.getString("percent_base")),
                new Schedule(instant(rs.getTimestamp("starts_at")), instant(rs.getTimestamp("ends_at")), zone, windows),
                audience(JSON.readTree(rs.getString("audience"))),
                scope(JSON.readTree(rs.getString("scope"))),
                set(rs.getArray("tiers")),
                set(rs.getArray("channels")),
                set(rs.getArray("stores")),
                RefundPolicy.valueOf(rs.getString("refund_policy")),
                coupon,
                rs.getInt("issued_count"),
                rs.getInt("version"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Audience audience(JsonNode node) {
        List<Condition> conditions = new ArrayList<>();
        JsonNode list = node.get("conditions");
        if (list != null) {
            for (JsonNode c : list) {
                List<String> values = new ArrayList<>();
                c.get("values").forEach(v -> values.add(v.asString()));
                conditions.add(new Condition(
                        c.get("attribute").asString(),
                        Condition.Operator.valueOf(c.get("operator").asString()),
                        values));
            }
        }
        return new Audience(
                Audience.Kind.valueOf(node.get("kind").asString()),
                conditions,
                node.hasNonNull("provider") ? node.get("provider").asString() : null,
                node.hasNonNull("reference") ? node.get("reference").asString() : null);
    }

    private static Scope scope(JsonNode node) {
        return new Scope(
                strings(node, "skus"),
                strings(node, "categories"),
                strings(node, "brands"),
                strings(node, "excluded_skus"),
                strings(node, "excluded_categories"),
                strings(node, "excluded_brands"));
    }

    private static Set<String> strings(JsonNode node, String field) {
        var values = new TreeSet<String>();
        JsonNode list = node.get(field);
        if (list != null) {
            list.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    private static String[] sorted(Set<String> values) {
        return new TreeSet<>(values).toArray(String[]::new);
    }

    private static List<String> sortedList(Set<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
