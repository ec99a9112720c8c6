package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import io.magpie.tenant.TestTenants.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The campaigns API over real HTTP: create, read, list, replace, lifecycle, validation, audit, events. */
@MagpieIntegrationTest
class CampaignsApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignChangedRecorder changes;

    Api api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = Api.of(context);
        tenant = TestTenants.create(context);
    }

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A valid 满减 draft: 100 → 10 off, 200 → 30 off, with a budget and a per-customer daily cap. */
    static ObjectNode threshold(String name) {
        return (ObjectNode)
                JSON.readTree("""
                {"name": "%s", "description": "spend more, save more", "kind": "AUTOMATIC",
                 "rule_type": "THRESHOLD_AMOUNT_OFF",
                 "config": {"basis": "AMOUNT", "tiers": [{"threshold": 10000, "amount_off": 1000},
                                                        {"threshold": 20000, "amount_off": 3000}]},
                 "priority": 5, "stacking": "COMMON", "stack_group": "store",
                 "schedule": {"starts_at": "%s", "ends_at": "%s",
                              "windows": [{"days": ["FRIDAY", "SATURDAY"], "from": "20:00", "to": "02:00"}]},
                 "audience": {"kind": "CONDITIONS", "conditions": [{"attribute": "city", "operator": "IN",
                              "values": ["Shanghai", "Hangzhou"]}]},
                 "scope": {"categories": ["tea"], "excluded_skus": ["GIFT-CARD"]},
                 "channels": ["app"], "stores": ["SH-01"],
                 "limits": [{"measure": "DISCOUNT_AMOUNT", "per": "CAMPAIGN", "period": "TOTAL", "max": 5000000},
                            {"measure": "REDEMPTIONS", "per": "CUSTOMER", "period": "DAY", "max": 1}]}
                """.formatted(name, NOW.minus(1, ChronoUnit.HOURS), NOW.plus(30, ChronoUnit.DAYS)));
    }

    static ObjectNode couponTemplate(String name) {
        return (ObjectNode) JSON.readTree("""
                {"name": "%s", "kind": "COUPON", "rule_type": "COUPON_PERCENT",
                 "config": {"percent_off_bp": 1500, "cap": 5000},
                 "coupon": {"validity": "RELATIVE", "valid_days": 7, "total_limit": 1000, "per_customer": 2,
                            "claimable": true}}
                """.formatted(name));
    }

    Api.Response create(JsonNode body) {
        return api.post("/api/v1/campaigns", tenant.apiKey(), body.toString());
    }

    long created(JsonNode body) {
        Api.Response r = create(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Api.Response post(long id, String transition) {
        return api.post("/api/v1/campaigns/" + id + "/" + transition, tenant.apiKey(), "");
    }

    JsonNode get(long id) {
        Api.Response r = api.get("/api/v1/campaigns/" + id, tenant.apiKey());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> problems(Api.Response r) {
        List<String> found = new ArrayList<>();
        r.json()
                .get("errors")
                .forEach(e -> found.add(
                        e.get("field").asString() + " " + e.get("code").asString()));
        return found;
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
                .param(tenant.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aCreatedDraftComesBackWithEverySettingAndItsLimits() {
        Api.Response r = create(threshold("Double 11"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("status").asString()).isEqualTo("DRAFT");
        assertThat(c.get("state").asString()).isEqualTo("DRAFT");
        assertThat(c.get("version").asInt()).isEqualTo(1);
        assertThat(c.get("config").get("tiers").get(1).get("amount_off").asLong())
                .isEqualTo(3000);
        assertThat(c.get("schedule").get("time_zone").asString())
                .as("the tenant's zone by default")
                .isEqualTo("Asia/Shanghai");
        assertThat(c.get("schedule").get("windows").get(0).get("from").asString())
                .isEqualTo("20:00");
        assertThat(c.get("schedule").get("windows").get(0).get("days").toString())
                .isEqualTo("[\"FRIDAY\",\"SATURDAY\"]");
        assertThat(c.get("audience").get("conditions").get(0).get("operator").asString())
                .isEqualTo("IN");
        assertThat(c.get("scope").get("categories").get(0).asString()).isEqualTo("tea");
        assertThat(c.get("limits")).hasSize(2);
        assertThat(c.get("limits").get(0).get("measure").asString()).isEqualTo("DISCOUNT_AMOUNT");
        assertThat(c.get("limits").get(0).get("max").asLong()).isEqualTo(5_000_000);
        assertThat(c.get("limits").get(1).get("period").asString()).isEqualTo("DAY");
        assertThat(c.has("coupon")).isFalse();
        assertThat(get(c.get("id").asLong())).isEqualTo(c);
        assertThat(count("promotion_campaign_limit")).isEqualTo(2);
    }

    @Test
    void theListFiltersByStateKindRuleTypeAndNameAndPagesByCursor() {
        long a = created(threshold("Spring tea festival"));
        long b = created(threshold("Autumn tea festival"));
        long coupon = created(couponTemplate("Welcome 15% off"));
        assertThat(post(b, "publish").status()).isEqualTo(200);

        String key = tenant.apiKey();
        assertThat(ids(api.get("/api/v1/campaigns", key))).containsExactly(coupon, b, a);
        assertThat(ids(api.get("/api/v1/campaigns?state=RUNNING", key))).containsExactly(b);
        assertThat(ids(api.get("/api/v1/campaigns?state=DRAFT", key))).containsExactly(coupon, a);
        assertThat(ids(api.get("/api/v1/campaigns?kind=COUPON", key))).containsExactly(coupon);
        assertThat(ids(api.get("/api/v1/campaigns?rule_type=THRESHOLD_AMOUNT_OFF", key)))
                .containsExactly(b, a);
        assertThat(ids(api.get("/api/v1/campaigns?q=TEA%20fest", key))).containsExactly(b, a);
        assertThat(ids(api.get("/api/v1/campaigns?q=autumn&state=RUNNING", key)))
                .containsExactly(b);

        Api.Response first = api.get("/api/v1/campaigns?limit=2", key);
        assertThat(ids(first)).containsExactly(coupon, b);
        String cursor = first.json().get("next_cursor").asString();
        Api.Response second = api.get("/api/v1/campaigns?limit=2&cursor=" + cursor, key);
        assertThat(ids(second)).containsExactly(a);
        assertThat(second.json().has("next_cursor")).isFalse();

        assertThat(api.get("/api/v1/campaigns?state=BOGUS", key).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns?rule_type=NOPE", key).code()).isEqualTo("validation_failed");
    }

    static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void everyValidationProblemIsReportedWithItsPathAndNothingIsWritten() {
        ObjectNode body = threshold("x");
        body.remove("name");
        ((ObjectNode) body.get("config").get("tiers").get(1)).put("amount_off", -5);
        ((ObjectNode) body.get("schedule"))
                .put("ends_at", NOW.minus(2, ChronoUnit.HOURS).toString());
        ((ObjectNode) body.get("schedule")).put("time_zone", "Mars/Olympus");
        ((ObjectNode) body.get("schedule").get("windows").get(0)).put("from", "25:00");
        ((ObjectNode) body.get("audience").get("conditions").get(0)).put("operator", "LIKE");
        ((ObjectNode) body.get("limits").get(0)).put("measure", "SMILES");
        ((ObjectNode) body.get("limits").get(1)).put("max", -1);
        body.set("coupon", JSON.readTree("{\"validity\": \"RELATIVE\", \"valid_days\": 3}"));
        body.putArray("stores").add("has space");

        Api.Response r = create(body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(problems(r))
                .containsExactlyInAnyOrder(
                        "name required",
                        "config.tiers[1].amount_off not_positive",
                        "schedule.time_zone unknown_time_zone",
                        "schedule.ends_at ends_before_start",
                        "schedule.windows[0].from invalid_time",
                        "audience.conditions[0].operator unknown_operator",
                        "stores[0] invalid_code",
                        "limits[0].measure unknown_value",
                        "limits[1].max negative",
                        "coupon not_allowed");
        assertThat(count("promotion_campaign")).isZero();
        assertThat(count("promotion_limit")).isZero();
        assertThat(count("tenant_audit_log")).isZero();
    }

    @Test
    void ruleTypesMustFitTheKindAndCouponSettingsAreRequiredForCoupons() {
        ObjectNode automaticCoupon = threshold("wrong kind");
        automaticCoupon.put("rule_type", "COUPON_FIXED");
        automaticCoupon.set("config", JSON.readTree("{\"amount_off\": 1000}"));
        assertThat(problems(create(automaticCoupon))).containsExactly("rule_type rule_type_not_for_kind");

        ObjectNode couponWithAutomaticType = couponTemplate("wrong type");
        couponWithAutomaticType.put("rule_type", "PERCENT_OFF");
        assertThat(problems(create(couponWithAutomaticType))).containsExactly("rule_type rule_type_not_for_kind");

        ObjectNode noSettings = couponTemplate("no settings");
        noSettings.remove("coupon");
        assertThat(problems(create(noSettings))).containsExactly("coupon required");

        ObjectNode fixed = couponTemplate("fixed backwards");
        fixed.set("coupon", JSON.readTree("""
                {"validity": "FIXED", "valid_from": "2026-12-01T00:00:00Z", "valid_until": "2026-11-01T00:00:00Z",
                 "per_customer": 0, "total_limit": -1}"""));
        assertThat(problems(create(fixed)))
                .containsExactlyInAnyOrder(
                        "coupon.valid_until ends_before_start",
                        "coupon.per_customer out_of_range",
                        "coupon.total_limit negative");

        ObjectNode relative = couponTemplate("too long");
        ((ObjectNode) relative.get("coupon")).put("valid_days", 3651);
        assertThat(problems(create(relative))).containsExactly("coupon.valid_days out_of_range");

        ObjectNode unknown = threshold("unknown type");
        unknown.put("rule_type", "LUCKY_DRAW");
        assertThat(problems(create(unknown))).containsExactly("rule_type unknown_rule_type");

        ObjectNode badConfig = threshold("bad config");
        badConfig.set("config", JSON.readTree("{\"tiers\": [], \"bonus\": 1}"));
        assertThat(problems(create(badConfig)))
                .containsExactlyInAnyOrder("config.tiers required", "config.bonus unknown_field");

        Api.Response ok = create(couponTemplate("Welcome"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        JsonNode coupon = ok.json().get("coupon");
        assertThat(coupon.get("validity").asString()).isEqualTo("RELATIVE");
        assertThat(coupon.get("valid_days").asInt()).isEqualTo(7);
        assertThat(coupon.get("per_customer").asInt()).isEqualTo(2);
        assertThat(coupon.get("claimable").asBoolean()).isTrue();
        assertThat(coupon.get("issued").asInt()).isZero();
        assertThat(count("promotion_campaign")).isEqualTo(1);
    }

    @Test
    void aReplaceNeedsTheCurrentVersion() {
        JsonNode c = create(threshold("Versioned")).json();
        long id = c.get("id").asLong();
        ObjectNode edit = (ObjectNode) c.deepCopy();
        edit.put("name", "Versioned, renamed");
        ((ObjectNode) edit.get("config").get("tiers").get(0)).put("amount_off", 1500);
        ((ObjectNode) edit.get("limits").get(0)).put("max", 6_000_000);

        Api.Response updated = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), edit.toString());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("name").asString()).isEqualTo("Versioned, renamed");
        assertThat(updated.json()
                        .get("config")
                        .get("tiers")
                        .get(0)
                        .get("amount_off")
                        .asLong())
                .isEqualTo(1500);
        assertThat(updated.json().get("limits").get(0).get("id").asLong())
                .as("the same limit, raised, keeps its counters")
                .isEqualTo(c.get("limits").get(0).get("id").asLong());
        assertThat(updated.json().get("limits").get(0).get("max").asLong()).isEqualTo(6_000_000);

        Api.Response stale = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), edit.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version_conflict");

        edit.remove("version");
        Api.Response noVersion = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), edit.toString());
        assertThat(problems(noVersion)).containsExactly("version required");

        // a draft may drop a limit and change its kind of rule freely
        ObjectNode draftEdit = (ObjectNode) updated.json().deepCopy();
        ((tools.jackson.databind.node.ArrayNode) draftEdit.get("limits")).remove(1);
        draftEdit.put("rule_type", "EVERY_AMOUNT_OFF");
        draftEdit.set("config", JSON.readTree("{\"every\": 10000, \"amount_off\": 1000, \"cap\": 5000}"));
        Api.Response again = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), draftEdit.toString());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("limits")).hasSize(1);
        assertThat(again.json().get("rule_type").asString()).isEqualTo("EVERY_AMOUNT_OFF");

        assertThat(api.put("/api/v1/campaigns/999999999", tenant.apiKey(), draftEdit.toString())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theLifecycleMovesStepByStepAndRefusesIllegalMoves() {
        long id = created(threshold("Lifecycle"));
        assertThat(post(id, "pause").code()).isEqualTo("illegal_transition");
        assertThat(post(id, "resume").code()).isEqualTo("illegal_transition");
        assertThat(post(id, "end").code()).isEqualTo("illegal_transition");

        Api.Response published = post(id, "publish");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(published.json().get("state").asString()).isEqualTo("RUNNING");
        Api.Response twice = post(id, "publish");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("illegal_transition");
        assertThat(twice.json().get("detail").asString())
                .isEqualTo("cannot publish a campaign that is RUNNING; only a DRAFT can be published");
        assertThat(post(id, "archive").code()).isEqualTo("illegal_transition");

        assertThat(post(id, "pause").json().get("state").asString()).isEqualTo("PAUSED");
        assertThat(post(id, "pause").code()).isEqualTo("illegal_transition");
        assertThat(post(id, "resume").json().get("state").asString()).isEqualTo("RUNNING");
        assertThat(post(id, "end").json().get("state").asString()).isEqualTo("ENDED");
        assertThat(post(id, "resume").code()).isEqualTo("illegal_transition");

        JsonNode ended = get(id);
        Api.Response readOnly = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), ended.toString());
        assertThat(readOnly.status()).isEqualTo(409);
        assertThat(readOnly.code()).isEqualTo("campaign_read_only");

        JsonNode archived = post(id, "archive").json();
        assertThat(archived.get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("version").asInt()).isEqualTo(6);
        assertThat(post(id, "archive").code()).isEqualTo("illegal_transition");

        List<String> actions = jdbc.sql("""
                        select action from tenant_audit_log where tenant_id = ? and target_type = 'campaign'
                           and target_id = ? order by id""")
                .params(tenant.id(), Long.toString(id))
                .query(String.class)
                .list();
        assertThat(actions)
                .containsExactly(
                        "campaign.created",
                        "campaign.published",
                        "campaign.paused",
                        "campaign.resumed",
                        "campaign.ended",
                        "campaign.archived");
        JsonNode audit = api.get("/api/v1/audit-log?target_type=campaign", tenant.apiKey())
                .json()
                .get("items")
                .get(0);
        assertThat(audit.get("before").get("status").asString()).isEqualTo("ENDED");
        assertThat(audit.get("after").get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(audit.get("actor").asString()).startsWith("key:");
        assertThat(changes.of(tenant.id(), id)).hasSize(6);
    }

    @Test
    void aFutureCampaignIsScheduledAndADraftCanBeArchived() {
        ObjectNode future = threshold("Next month");
        ((ObjectNode) future.get("schedule"))
                .put("starts_at", NOW.plus(20, ChronoUnit.DAYS).toString());
        long id = created(future);
        assertThat(post(id, "publish").json().get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(ids(api.get("/api/v1/campaigns?state=SCHEDULED", tenant.apiKey())))
                .containsExactly(id);
        assertThat(post(id, "pause").json().get("state").asString()).isEqualTo("PAUSED");

        long draft = created(threshold("Never mind"));
        assertThat(post(draft, "archive").json().get("state").asString()).isEqualTo("ARCHIVED");

        ObjectNode over = threshold("Too late");
        ((ObjectNode) over.get("schedule"))
                .put("starts_at", NOW.minus(3, ChronoUnit.DAYS).toString());
        ((ObjectNode) over.get("schedule"))
                .put("ends_at", NOW.minus(1, ChronoUnit.DAYS).toString());
        long late = created(over);
        Api.Response publish = post(late, "publish");
        assertThat(publish.code()).isEqualTo("illegal_transition");
        assertThat(publish.json().get("detail").asString()).contains("schedule ended");

        Api.Response stale = api.post("/api/v1/campaigns/" + draft + "/publish", tenant.apiKey(), "{\"version\": 1}");
        assertThat(stale.code()).isEqualTo("version_conflict");
        assertThat(api.post("/api/v1/campaigns/" + late + "/launch", tenant.apiKey(), "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPublishedCampaignAcceptsOnlySafeChanges() {
        long id = created(threshold("Published"));
        JsonNode running = post(id, "publish").json();

        ObjectNode safe = (ObjectNode) running.deepCopy();
        safe.put("name", "Published, renamed");
        safe.put("description", "now with more tea");
        ((ObjectNode) safe.get("schedule"))
                .put("ends_at", NOW.plus(60, ChronoUnit.DAYS).toString());
        ((ObjectNode) safe.get("limits").get(0)).put("max", 9_000_000);
        ((ObjectNode) safe.get("limits").get(1)).put("max", 2);
        Api.Response ok = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), safe.toString());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ok.json().get("limits").get(0).get("max").asLong()).isEqualTo(9_000_000);

        ObjectNode unsafe = (ObjectNode) ok.json().deepCopy();
        ((ObjectNode) unsafe.get("config").get("tiers").get(0)).put("amount_off", 500);
        ((ObjectNode) unsafe.get("schedule"))
                .put("ends_at", NOW.plus(1, ChronoUnit.DAYS).toString());
        ((ObjectNode) unsafe.get("limits").get(0)).put("max", 1);
        unsafe.put("priority", 9);
        Api.Response refused = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), unsafe.toString());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("unsafe_change");
        assertThat(problems(refused))
                .containsExactlyInAnyOrder(
                        "config not_editable_while_published",
                        "priority not_editable_while_published",
                        "schedule.ends_at not_editable_while_published",
                        "limits[0].max not_editable_while_published");
        assertThat(get(id).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void aListOfOneHundredThousandCustomersFitsThroughTheApi() {
        ObjectNode body = threshold("Big list");
        var ids = body.arrayNode();
        for (int i = 0; i < 100_000; i++) {
            ids.add("customer-" + i);
        }
        ObjectNode audience = body.objectNode();
        audience.put("kind", "CUSTOMERS");
        audience.set("customer_ids", ids);
        body.set("audience", audience);
        assertThat(body.toString().length()).isGreaterThan(1_048_576);

        Api.Response r = create(body);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("audience").get("customer_count").asInt()).isEqualTo(100_000);
        assertThat(count("promotion_audience_customer")).isEqualTo(100_000);
    }

    @Test
    void anExplicitCustomerListIsStoredApartAndKeptWhenLeftOut() {
        ObjectNode body = threshold("VIP list");
        body.set(
                "audience",
                JSON.readTree("{\"kind\": \"CUSTOMERS\", \"customer_ids\": [\"c-1\", \"c-2\", \"c-2\", \" c-3 \"]}"));
        Api.Response r = create(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("audience").get("customer_count").asInt()).isEqualTo(3);
        assertThat(r.json().get("audience").has("customer_ids")).isFalse();
        long id = r.json().get("id").asLong();
        assertThat(context.getBean(CampaignRows.class).inAudienceList(tenant.id(), id, "c-3"))
                .isTrue();

        ObjectNode keep = (ObjectNode) r.json().deepCopy();
        keep.put("name", "VIP list 2");
        assertThat(api.put("/api/v1/campaigns/" + id, tenant.apiKey(), keep.toString())
                        .json()
                        .get("audience")
                        .get("customer_count")
                        .asInt())
                .isEqualTo(3);

        ObjectNode everyone = (ObjectNode) get(id).deepCopy();
        everyone.set("audience", JSON.readTree("{\"kind\": \"EVERYONE\"}"));
        Api.Response cleared = api.put("/api/v1/campaigns/" + id, tenant.apiKey(), everyone.toString());
        assertThat(cleared.json().get("audience").has("customer_count")).isFalse();
        assertThat(count("promotion_audience_customer")).isZero();

        ObjectNode empty = threshold("no list");
        empty.set("audience", JSON.readTree("{\"kind\": \"CUSTOMERS\"}"));
        assertThat(problems(create(empty))).containsExactly("audience.customer_ids required");

        ObjectNode conditions = threshold("no conditions");
        conditions.set("audience", JSON.readTree("{\"kind\": \"CONDITIONS\", \"conditions\": []}"));
        assertThat(problems(create(conditions))).containsExactly("audience.conditions required");
    }

    @Test
    void aProvidedAudienceNeedsAnInstalledProviderAndAKnownReference() {
        ObjectNode unknown = threshold("Segment");
        unknown.set(
                "audience",
                JSON.readTree("{\"kind\": \"PROVIDED\", \"provider\": \"segment\", \"reference\": \"42\"}"));
        Api.Response r = create(unknown);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("unknown_audience_provider");
        assertThat(problems(r)).containsExactly("audience.provider unknown_audience_provider");

        ObjectNode badReference = threshold("Segment");
        badReference.set(
                "audience",
                JSON.readTree("{\"kind\": \"PROVIDED\", \"provider\": \"test-segment\", \"reference\": \"x\"}"));
        Api.Response missing = create(badReference);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.code()).isEqualTo("unknown_audience_reference");

        ObjectNode ok = threshold("Segment");
        ok.set(
                "audience",
                JSON.readTree("{\"kind\": \"PROVIDED\", \"provider\": \"test-segment\", \"reference\": \"seg-7\"}"));
        Api.Response created = create(ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("audience").get("provider").asString()).isEqualTo("test-segment");
        assertThat(created.json().get("audience").get("reference").asString()).isEqualTo("seg-7");
        assertThat(count("promotion_campaign")).isEqualTo(1);
    }

    @Test
    void ruleTypesListEveryTypeWithItsKindAndAnExampleThatValidates() {
        Api.Response r = api.get("/api/v1/rule-types", tenant.apiKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(18);
        for (JsonNode type : r.json()) {
            String id = type.get("id").asString();
            assertThat(RuleConfigs.read(id, type.get("example"))).as(id).isNotNull();
            assertThat(type.get("kind").asString())
                    .as(id)
                    .isEqualTo(type.get("stage").asString().equals("COUPON") ? "COUPON" : "AUTOMATIC");
        }
        assertThat(r.body()).contains("\"id\":\"LIMITED_TIME_PRICE\",\"stage\":\"PRICE_LAYER\",\"kind\":\"AUTOMATIC\"");
    }

    @Test
    void writesNeedThePromotionsScopeAndReadsAcceptRead() {
        long id = created(threshold("Scoped"));
        String reader = TestTenants.apiKey(context, tenant.id(), "read");
        assertThat(api.get("/api/v1/campaigns/" + id, reader).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/rule-types", reader).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/campaigns", reader, threshold("no").toString())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/campaigns/" + id + "/publish", reader, "").status())
                .isEqualTo(403);
        String orders = TestTenants.apiKey(context, tenant.id(), "orders");
        assertThat(api.get("/api/v1/campaigns", orders).status()).isEqualTo(403);
    }
}
