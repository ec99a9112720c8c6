package io.magpie.promotion;

import static io.magpie.promotion.EvaluateFixture.NOW;
import static io.magpie.promotion.EvaluateFixture.START;
import static io.magpie.promotion.EvaluateFixture.cart;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/carts/evaluate end to end: real HTTP, real PostgreSQL, the campaigns as stored. */
@MagpieIntegrationTest
class CartEvaluationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Limits limits;

    @Autowired
    LimitCounters counters;

    static final PromotionConfig MAN_JIAN = new PromotionConfig.TieredAmountOff(
            Basis.AMOUNT, List.of(new AmountTier(20000, 3000), new AmountTier(30000, 5000)));

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode candidate(JsonNode body, long campaignId) {
        for (JsonNode c : body.get("candidates")) {
            if (c.has("campaign_id") && c.get("campaign_id").asLong() == campaignId) {
                return c;
            }
        }
        throw new AssertionError("no candidate for campaign " + campaignId + " in " + body);
    }

    @Test
    void manJianOverACategoryAndItsAncestorsWithTheNextTierAsNudge() {
        var f = EvaluateFixture.create(context);
        long id = f.campaign(TestCampaign.automatic(f.tenantId, "满200减30", "THRESHOLD_AMOUNT_OFF", MAN_JIAN, START)
                .scope(Scope.categories("apparel")));

        JsonNode body = ok(f.evaluate(cart(null)));

        // shirts (258.00) are in shirts › apparel: ≥ 200.00 → 30.00 off, all on the shirt line; the mug is outside
        assertThat(body.at("/totals/subtotal").asLong()).isEqualTo(28800);
        assertThat(body.at("/totals/discount").asLong()).isEqualTo(3000);
        assertThat(body.at("/totals/freight").asLong()).isEqualTo(1000);
        assertThat(body.at("/totals/payable").asLong()).isEqualTo(26800);
        assertThat(body.at("/lines/0/payable").asLong()).isEqualTo(22800);
        assertThat(body.at("/lines/0/allocations/0/campaign_id").asLong()).isEqualTo(id);
        assertThat(body.at("/lines/0/allocations/0/amount").asLong()).isEqualTo(3000);
        assertThat(body.at("/lines/1/payable").asLong()).isEqualTo(3000);
        assertThat(body.at("/lines/1/allocations").size()).isZero();
        assertThat(body.at("/applied/0/campaign_id").asLong()).isEqualTo(id);
        assertThat(body.at("/applied/0/discount").asLong()).isEqualTo(3000);
        assertThat(body.at("/applied/0/allocations/0/line_id").asString()).isEqualTo("1");
        assertThat(body.at("/applied/0").has("coupon_id")).isFalse();
        JsonNode c = candidate(body, id);
        assertThat(c.get("status").asString()).isEqualTo("APPLIED");
        assertThat(c.get("message").asString()).isEqualTo("Saves ¥30.00");
        assertThat(c.at("/nudge/shortfall").asLong()).isEqualTo(4200);
        assertThat(c.at("/nudge/would_save").asLong()).isEqualTo(5000);
        assertThat(c.at("/nudge/message").asString()).isEqualTo("Spend ¥42.00 more to save ¥50.00");
        assertThat(body.at("/recommended/search_mode").asString()).isEqualTo("EXACT");
        assertThat(body.at("/recommended/exact_bound").asInt()).isEqualTo(12);
        assertThat(body.at("/currency").asString()).isEqualTo("CNY");
        assertThat(body.get("evaluated_at").asString()).isEqualTo("2026-11-25T04:00:00Z");

        JsonNode zh = ok(f.evaluate(cart(null), "Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(candidate(zh, id).get("message").asString()).isEqualTo("已优惠30.00元");
        assertThat(candidate(zh, id).at("/nudge/message").asString()).isEqualTo("再买42.00元可减50.00元");
    }

    @Test
    void thresholdNotMetSaysHowMuchIsMissing() {
        var f = EvaluateFixture.create(context);
        long id = f.campaign(TestCampaign.automatic(
                f.tenantId,
                "满500减80",
                "THRESHOLD_AMOUNT_OFF",
                new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(50000, 8000))),
                START));

        JsonNode c = candidate(ok(f.evaluate(cart(null))), id);

        assertThat(c.get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(c.get("reason_code").asString()).isEqualTo("threshold_not_met");
        assertThat(c.at("/nudge/shortfall").asLong()).isEqualTo(21200);
        assertThat(c.get("message").asString()).isEqualTo("Threshold not met: Spend ¥212.00 more to save ¥80.00");
        JsonNode zh = candidate(ok(f.evaluate(cart(null), "Accept-Language", "zh-CN")), id);
        assertThat(zh.get("message").asString()).isEqualTo("未达到门槛：再买212.00元可减80.00元");
    }

    /** One worked example per rule type on the same cart: 2 × SHIRT-M at 129.00 + 1 × MUG at 30.00, freight 10.00. */
    @Test
    void everyRuleTypePricesTheSameCartToTheFen() {
        record Example(
                String type, PromotionConfig config, Scope scope, String extra, long discount, long freightOff) {}
        List<Example> examples = List.of(
                new Example("ACTIVITY_PRICE", PriceOff.fixed(10000), Scope.skus("SHIRT-M"), null, 5800, 0),
                new Example(
                        "LIMITED_TIME_PRICE", PriceOff.perSku(Map.of("SHIRT-M", 9900L)), Scope.all(), null, 6000, 0),
                new Example(
                        "MEMBER_PRICE",
                        PriceOff.percent(1000),
                        Scope.all(),
                        "\"customer\":{\"id\":\"c1\",\"tier\":\"GOLD\"}",
                        2880,
                        0),
                new Example("TRIAL_PRICE", PriceOff.fixed(100), Scope.all(), null, 0, 0),
                new Example("THRESHOLD_AMOUNT_OFF", MAN_JIAN, Scope.all(), null, 3000, 0),
                new Example(
                        "EVERY_AMOUNT_OFF",
                        new PromotionConfig.EveryAmountOff(10000, 1000, 5000L),
                        Scope.all(),
                        null,
                        2000,
                        0),
                new Example(
                        "THRESHOLD_PERCENT_OFF",
                        new PromotionConfig.TieredPercentOff(
                                Basis.AMOUNT, List.of(new PromotionConfig.PercentTier(20000, 1000)), null),
                        Scope.all(),
                        null,
                        2880,
                        0),
                new Example(
                        "THRESHOLD_GIFT",
                        new PromotionConfig.Gift(Basis.AMOUNT, 20000, "GIFT", 1),
                        Scope.all(),
                        null,
                        0,
                        0),
                new Example(
                        "BUY_X_GET_Y",
                        new PromotionConfig.BuyGet(1, 1, 5000, null),
                        Scope.skus("SHIRT-M"),
                        null,
                        6450,
                        0),
                new Example(
                        "ANY_N_FOR_PRICE",
                        new PromotionConfig.AnyNForPrice(2, 20000),
                        Scope.categories("apparel"),
                        null,
                        5800,
                        0),
                new Example("FREE_SHIPPING", new PromotionConfig.FreeShipping(0, null), Scope.all(), null, 0, 1000),
                new Example("AMOUNT_OFF", new AmountOff(500, 0), Scope.all(), null, 500, 0),
                new Example("PERCENT_OFF", new PromotionConfig.PercentOff(1000, null, 0), Scope.all(), null, 2880, 0));
        List<String> failures = new ArrayList<>();
        for (Example e : examples) {
            var f = EvaluateFixture.create(context);
            long id = f.campaign(TestCampaign.automatic(f.tenantId, e.type(), e.type(), e.config(), START)
                    .scope(e.scope())
                    .tiers(e.type().equals("MEMBER_PRICE") ? new String[] {"GOLD"} : new String[0]));
            JsonNode body = ok(f.evaluate(cart(e.extra())));
            long discount = body.at("/totals/discount").asLong();
            long freightOff = body.at("/totals/freight_discount").asLong();
            if (discount != e.discount()
                    || freightOff != e.freightOff()
                    || body.at("/totals/payable").asLong() != 28800 - e.discount() + 1000 - e.freightOff()) {
                failures.add(e.type() + ": " + body.get("totals"));
            }
            if (e.discount() > 0 || e.freightOff() > 0 || e.type().equals("THRESHOLD_GIFT")) {
                assertThat(candidate(body, id).get("status").asString())
                        .as(e.type())
                        .isEqualTo("APPLIED");
            }
            if (e.type().equals("THRESHOLD_GIFT")) {
                assertThat(body.at("/gifts/0/sku").asString()).isEqualTo("GIFT");
                assertThat(body.at("/gifts/0/campaign_id").asLong()).isEqualTo(id);
                assertThat(body.at("/applied/0/campaign_id").asLong()).isEqualTo(id);
            }
            if (e.type().equals("TRIAL_PRICE")) {
                // no line is a first purchase: nothing; the mug as a first purchase: 30.00 → 1.00
                JsonNode trial = ok(f.evaluate(
                        cart(null).replace("\"unit_price\":3000}", "\"unit_price\":3000,\"first_purchase\":true}")));
                assertThat(trial.at("/totals/discount").asLong()).isEqualTo(2900);
                assertThat(trial.at("/lines/1/payable").asLong()).isEqualTo(100);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyCouponTypeThroughACouponTheCustomerHolds() {
        record Example(String type, PromotionConfig config, long discount, long freightOff) {}
        List<Example> examples = List.of(
                new Example("COUPON_FIXED", new AmountOff(2000, 10000), 2000, 0),
                new Example("COUPON_PERCENT", new PromotionConfig.PercentOff(2000, 3000L, 0), 3000, 0),
                new Example(
                        "COUPON_THRESHOLD",
                        new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(25000, 4000))),
                        4000,
                        0),
                new Example("COUPON_FREE_SHIPPING", new PromotionConfig.FreeShipping(0, null), 0, 1000),
                new Example("CASH_VOUCHER", new AmountOff(1500, 0), 1500, 0));
        for (Example e : examples) {
            var f = EvaluateFixture.create(context);
            long template = f.campaign(TestCampaign.coupon(f.tenantId, e.type(), e.type(), e.config(), START));
            long coupon = f.coupon(template, "c1", null);
            JsonNode body = ok(f.evaluate(cart("\"customer\":{\"id\":\"c1\"}")));
            assertThat(body.at("/totals/discount").asLong()).as(e.type()).isEqualTo(e.discount());
            assertThat(body.at("/totals/freight_discount").asLong())
                    .as(e.type())
                    .isEqualTo(e.freightOff());
            assertThat(body.at("/applied/0/coupon_id").asLong()).as(e.type()).isEqualTo(coupon);
            assertThat(body.at("/applied/0/campaign_id").asLong()).as(e.type()).isEqualTo(template);
            JsonNode c = body.get("candidates").get(0);
            assertThat(c.get("id").asString()).isEqualTo("C" + coupon);
            assertThat(c.get("stage").asString()).isEqualTo("COUPON");
            // nobody else sees it
            assertThat(ok(f.evaluate(cart("\"customer\":{\"id\":\"c2\"}"))).get("candidates"))
                    .isEmpty();
        }
    }

    /** A customer's coupons are cached for a moment; this node's own writes show in the very next answer. */
    @Test
    void couponWritesShowInTheNextEvaluationAtOnce() {
        var f = EvaluateFixture.create(context);
        long template =
                f.campaign(TestCampaign.coupon(f.tenantId, "voucher", "CASH_VOUCHER", new AmountOff(1500, 0), START));
        String withCustomer = cart("\"customer\":{\"id\":\"c1\"}");
        assertThat(ok(f.evaluate(withCustomer)).get("candidates")).isEmpty();

        CouponRows rows = context.getBean(CouponRows.class);
        long coupon = rows.insertNext(
                        new CouponRows.NewCoupon(
                                f.tenantId,
                                template,
                                "c1",
                                null,
                                CouponSource.ISSUE,
                                START,
                                START.plusSeconds(86_400L * 60),
                                START,
                                null),
                        1)
                .orElseThrow();
        JsonNode issued = ok(f.evaluate(withCustomer));
        assertThat(issued.at("/applied/0/coupon_id").asLong()).isEqualTo(coupon);

        assertThat(rows.lock(f.tenantId, coupon, "c1", "order-1", NOW)).isTrue();
        assertThat(ok(f.evaluate(withCustomer)).get("candidates")).isEmpty();

        assertThat(rows.release(f.tenantId, "order-1", List.of(CouponState.LOCKED), NOW))
                .hasSize(1);
        assertThat(ok(f.evaluate(withCustomer)).at("/applied/0/coupon_id").asLong())
                .isEqualTo(coupon);
    }

    @Test
    void typedCodesFindTheirCouponOrSayWhyNot() {
        var f = EvaluateFixture.create(context);
        long template =
                f.campaign(TestCampaign.coupon(f.tenantId, "10 off", "COUPON_FIXED", new AmountOff(1000, 0), START));
        long coupon = f.coupon(template, "c1", "SAVE10-ABC");

        JsonNode body =
                ok(f.evaluate(cart("\"customer\":{\"id\":\"c1\"},\"coupon_codes\":[\"save10-abc\",\"NOPE-1\"]")));

        assertThat(body.at("/applied/0/coupon_id").asLong()).isEqualTo(coupon);
        assertThat(body.at("/applied/0/code").asString()).isEqualTo("SAVE10-ABC");
        assertThat(body.at("/totals/discount").asLong()).isEqualTo(1000);
        JsonNode unknown = body.get("candidates").get(1);
        assertThat(unknown.get("code").asString()).isEqualTo("NOPE-1");
        assertThat(unknown.get("reason_code").asString()).isEqualTo("unknown_code");
        assertThat(unknown.get("message").asString()).isEqualTo("Unknown coupon code");

        JsonNode stranger = ok(f.evaluate(cart("\"customer\":{\"id\":\"c2\"},\"coupon_codes\":[\"SAVE10-ABC\"]")));
        assertThat(stranger.at("/candidates/0/reason_code").asString()).isEqualTo("code_not_owned");
        assertThat(stranger.at("/totals/discount").asLong()).isZero();
    }

    @Test
    void aCodeNotRedeemedYetCompetesAsTheCouponItWouldGive() {
        var f = EvaluateFixture.create(context);
        long template = f.campaign(
                TestCampaign.coupon(f.tenantId, "code 15 off", "COUPON_FIXED", new AmountOff(1500, 0), START));
        long batch = CouponCodesApiIntegrationTests.generate(f.api, f.apiKey, template, "CE-######", 2)
                .get("id")
                .asLong();
        String code =
                CouponCodesApiIntegrationTests.codes(f.api, f.apiKey, batch).get(0);

        JsonNode body =
                ok(f.evaluate(cart("\"customer\":{\"id\":\"c9\"},\"coupon_codes\":[\"" + code.toLowerCase() + "\"]")));

        assertThat(body.at("/totals/discount").asLong()).isEqualTo(1500);
        assertThat(body.at("/applied/0/campaign_id").asLong()).isEqualTo(template);
        assertThat(body.at("/applied/0/code").asString()).isEqualTo(code);
        assertThat(body.at("/applied/0").has("coupon_id")).isFalse();
        assertThat(body.at("/candidates/0/id").asString()).isEqualTo("T" + template);
        // evaluating redeemed nothing
        assertThat(context.getBean(CouponRows.class).findByCode(f.tenantId, code))
                .isEmpty();

        f.api.post("/api/v1/coupons/redeem-code", f.apiKey, CouponCodesApiIntegrationTests.redeem("c8", code));
        JsonNode used = ok(f.evaluate(cart("\"customer\":{\"id\":\"c9\"},\"coupon_codes\":[\"" + code + "\"]")));
        assertThat(used.at("/candidates/0/reason_code").asString()).isEqualTo("code_not_owned");
    }

    @Test
    void campaignLevelChecksComeBackAsReasons() {
        var f = EvaluateFixture.create(context);
        PromotionConfig tenOff = new AmountOff(1000, 0);
        long paused = f.campaign(TestCampaign.automatic(f.tenantId, "paused", "AMOUNT_OFF", tenOff, START)
                .status(CampaignStatus.PAUSED));
        long weekend = f.campaign(TestCampaign.automatic(f.tenantId, "weekend", "AMOUNT_OFF", tenOff, START)
                .schedule(new Schedule(
                        START,
                        null,
                        CampaignFixtures.SHANGHAI,
                        List.of(new Window(
                                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                LocalTime.of(0, 0),
                                LocalTime.of(23, 59))))));
        long shanghai = f.campaign(TestCampaign.automatic(f.tenantId, "shanghai", "AMOUNT_OFF", tenOff, START)
                .audience(new Audience(
                        Audience.Kind.CONDITIONS,
                        List.of(new Condition("city", Condition.Operator.EQ, List.of("Shanghai"))),
                        null,
                        null)));
        long vip = f.campaign(TestCampaign.automatic(f.tenantId, "vip list", "AMOUNT_OFF", tenOff, START)
                .audience(new Audience(Audience.Kind.CUSTOMERS, List.of(), null, null)));
        context.getBean(CampaignRows.class).replaceAudienceCustomers(f.tenantId, vip, List.of("vip-1"));
        long later =
                f.campaign(TestCampaign.automatic(f.tenantId, "later", "AMOUNT_OFF", tenOff, NOW.plusSeconds(86_400)));
        long budget = f.campaign(TestCampaign.automatic(f.tenantId, "budget", "AMOUNT_OFF", tenOff, START));
        LimitDefinition total =
                limits.define(f.tenantId, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, LimitPeriod.TOTAL, 5000);
        f.limit(budget, total);
        long once = f.campaign(TestCampaign.automatic(f.tenantId, "once per customer", "AMOUNT_OFF", tenOff, START));
        LimitDefinition perCustomer =
                limits.define(f.tenantId, LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, LimitPeriod.TOTAL, 1);
        f.limit(once, perCustomer);

        String hangzhou = "\"customer\":{\"id\":\"c1\",\"attributes\":{\"city\":\"Hangzhou\"}}";
        JsonNode before = ok(f.evaluate(cart(hangzhou)));
        assertThat(candidate(before, budget).get("status").asString()).isEqualTo("APPLIED");
        assertThat(candidate(before, once).get("status").asString()).isEqualTo("APPLIED");

        counters.tryConsume(f.tenantId, total.id(), "campaign:" + budget, 5000, NOW, "order:o1:" + budget);
        counters.tryConsume(f.tenantId, perCustomer.id(), "customer:c1", 1, NOW, "order:o1:" + once);
        sleepPastSharedCounterCache();
        JsonNode body = ok(f.evaluate(cart(hangzhou)));

        assertThat(candidate(body, paused).get("reason_code").asString()).isEqualTo("paused");
        assertThat(candidate(body, weekend).get("reason_code").asString()).isEqualTo("outside_time_window");
        assertThat(candidate(body, shanghai).get("reason_code").asString()).isEqualTo("audience_mismatch");
        assertThat(candidate(body, vip).get("reason_code").asString()).isEqualTo("audience_mismatch");
        assertThat(candidate(body, later).get("reason_code").asString()).isEqualTo("not_started");
        assertThat(candidate(body, budget).get("reason_code").asString()).isEqualTo("budget_exhausted");
        assertThat(candidate(body, once).get("reason_code").asString()).isEqualTo("customer_limit_reached");
        assertThat(candidate(body, once).get("message").asString())
                .isEqualTo("You have reached this promotion's limit");
        assertThat(body.at("/totals/discount").asLong()).isZero();

        // the right customer in the right city on a Saturday: the audience and window campaigns apply
        JsonNode saturday = ok(f.evaluate(cart("\"customer\":{\"id\":\"vip-1\",\"attributes\":{\"city\":\"Shanghai\"}}")
                .replace("2026-11-25T04:00:00Z", "2026-11-28T04:00:00Z")));
        assertThat(candidate(saturday, weekend).get("status").asString()).isEqualTo("APPLIED");
        assertThat(candidate(saturday, shanghai).get("status").asString()).isEqualTo("APPLIED");
        assertThat(candidate(saturday, vip).get("status").asString()).isEqualTo("APPLIED");
        assertThat(candidate(saturday, once).get("status").asString()).isEqualTo("APPLIED");
        assertThat(candidate(saturday, budget).get("reason_code").asString()).isEqualTo("budget_exhausted");
        // nothing was consumed by evaluating
        assertThat(counters.used(f.tenantId, perCustomer.id(), "customer:vip-1", NOW))
                .isZero();
    }

    private static void sleepPastSharedCounterCache() {
        try {
            Thread.sleep(CampaignAvailability.SHARED_COUNTER_TTL.toMillis() + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theSameRequestGivesByteIdenticalAnswers() {
        var f = EvaluateFixture.create(context);
        f.campaign(TestCampaign.automatic(f.tenantId, "满减", "THRESHOLD_AMOUNT_OFF", MAN_JIAN, START));
        f.campaign(TestCampaign.automatic(
                f.tenantId, "9折", "PERCENT_OFF", new PromotionConfig.PercentOff(1000, null, 0), START));
        f.campaign(TestCampaign.automatic(
                f.tenantId, "free ship", "FREE_SHIPPING", new PromotionConfig.FreeShipping(0, null), START));
        long template =
                f.campaign(TestCampaign.coupon(f.tenantId, "5 off", "COUPON_FIXED", new AmountOff(500, 0), START));
        f.coupon(template, "c1", null);
        f.coupon(template, "c1", null);
        String body = cart("\"customer\":{\"id\":\"c1\"},\"coupon_codes\":[\"X-1\",\"Y-2\"]");

        String first = f.evaluate(body).body();
        for (int i = 0; i < 5; i++) {
            assertThat(f.evaluate(body).body()).isEqualTo(first);
        }
        assertThat(first).contains("\"status\":\"APPLIED\"");
    }

    @Test
    void anExplicitSelectionOverridesTheRecommendation() {
        var f = EvaluateFixture.create(context);
        long exclusive = f.campaign(
                TestCampaign.automatic(f.tenantId, "exclusive 50", "AMOUNT_OFF", new AmountOff(5000, 0), START)
                        .stacking(Stacking.EXCLUSIVE));
        long small = f.campaign(
                TestCampaign.automatic(f.tenantId, "common 10", "AMOUNT_OFF", new AmountOff(1000, 0), START));

        JsonNode best = ok(f.evaluate(cart(null)));
        assertThat(best.at("/totals/discount").asLong()).isEqualTo(5000);
        assertThat(candidate(best, small).get("reason_code").asString()).isEqualTo("excluded_by_stacking");

        JsonNode chosen = ok(f.evaluate(cart("\"selection\":[\"P" + small + "\"]")));
        assertThat(chosen.at("/recommended/search_mode").asString()).isEqualTo("EXPLICIT");
        assertThat(chosen.at("/totals/discount").asLong()).isEqualTo(1000);
        // the exclusive one cannot join the chosen combination
        assertThat(candidate(chosen, exclusive).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(candidate(chosen, exclusive).get("reason_code").asString()).isEqualTo("excluded_by_stacking");
    }

    @Test
    void couponIdsRestrictTheCouponsConsidered() {
        var f = EvaluateFixture.create(context);
        long big = f.campaign(TestCampaign.coupon(f.tenantId, "20 off", "COUPON_FIXED", new AmountOff(2000, 0), START));
        long small = f.campaign(TestCampaign.coupon(f.tenantId, "5 off", "COUPON_FIXED", new AmountOff(500, 0), START));
        long bigCoupon = f.coupon(big, "c1", null);
        long smallCoupon = f.coupon(small, "c1", null);

        JsonNode body =
                ok(f.evaluate(cart("\"customer\":{\"id\":\"c1\"},\"coupon_ids\":[" + smallCoupon + ",999999]")));

        assertThat(body.at("/totals/discount").asLong()).isEqualTo(500);
        assertThat(body.at("/applied/0/coupon_id").asLong()).isEqualTo(smallCoupon);
        assertThat(body.toString())
                .contains("\"id\":\"C" + bigCoupon + "\"")
                .contains("\"reason_code\":\"not_selected\"")
                .contains("\"reason_code\":\"unknown_coupon\"");
    }

    @Test
    void aDraftCanBeTriedOnACartBeforeLaunch() {
        var f = EvaluateFixture.create(context);
        long draft = f.campaign(TestCampaign.automatic(
                        f.tenantId, "next week", "THRESHOLD_AMOUNT_OFF", MAN_JIAN, NOW.plusSeconds(7 * 86_400))
                .status(CampaignStatus.DRAFT));

        assertThat(ok(f.evaluate(cart(null))).get("candidates")).isEmpty();
        JsonNode dry = ok(f.api.post("/api/v1/campaigns/" + draft + "/evaluate", f.apiKey, cart(null)));
        assertThat(dry.at("/totals/discount").asLong()).isEqualTo(3000);
        assertThat(dry.at("/applied/0/campaign_id").asLong()).isEqualTo(draft);

        long archived = f.campaign(TestCampaign.automatic(f.tenantId, "old", "AMOUNT_OFF", new AmountOff(100, 0), START)
                .status(CampaignStatus.ARCHIVED));
        assertThat(f.api.post("/api/v1/campaigns/" + archived + "/evaluate", f.apiKey, cart(null))
                        .code())
                .isEqualTo("campaign_archived");
        assertThat(f.api.post("/api/v1/campaigns/99999999/evaluate", f.apiKey, cart(null))
                        .status())
                .isEqualTo(404);
        long couponDraft =
                f.campaign(TestCampaign.coupon(f.tenantId, "draft coupon", "CASH_VOUCHER", new AmountOff(700, 0), START)
                        .status(CampaignStatus.DRAFT));
        JsonNode coupon = ok(f.api.post("/api/v1/campaigns/" + couponDraft + "/evaluate", f.apiKey, cart(null)));
        // the other draft is not live: only the coupon template, as if the shopper held one of its coupons
        assertThat(coupon.at("/totals/discount").asLong()).isEqualTo(700);
        assertThat(coupon.at("/candidates/0/id").asString()).isEqualTo("T" + couponDraft);
    }

    @Test
    void sizeLimitsAndBadInputAreProblemsWithPathsNeverServerErrors() {
        var f = EvaluateFixture.create(context);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            lines.append(i == 0 ? "" : ",")
                    .append("{\"line_id\":\"")
                    .append(i)
                    .append("\",\"sku\":\"MUG\",\"quantity\":1,\"unit_price\":100}");
        }
        Api.Response tooMany = f.evaluate("{\"lines\":[" + lines + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"lines\"").contains("too_many");

        Api.Response bad = f.evaluate("""
                {"lines":[{"line_id":"1","sku":"MUG","quantity":0,"unit_price":-1},
                          {"line_id":"1","sku":"","quantity":10001,"unit_price":100}],
                 "coupon_codes":["A","B","C","D","E","F","G","H","I","J","K","L","M","N","O","P","Q","R","S","T","U"],
                 "selection":["X1"],"channel":"Bad Channel","freight":-5}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("lines[0].quantity", "lines[0].unit_price", "lines[1].line_id", "lines[1].sku")
                .contains("lines[1].quantity", "coupon_codes", "selection[0]", "channel", "freight");

        for (String body : List.of(
                "",
                "[]",
                "{}",
                "{\"lines\":null}",
                "{\"lines\":[null]}",
                "{\"lines\":[{}]}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":\"x\",\"unit_price\":1}]}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":1.5,\"unit_price\":1}]}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":1,\"unit_price\":1}],\"at\":\"yesterday\"}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":1,\"unit_price\":1}],\"surprise\":1}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":99999999999,\"unit_price\":1}]}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":1,\"unit_price\":1}],\"customer\":{\"attributes\":{\"a\":null}}}",
                "{\"lines\":[{\"line_id\":\"1\",\"sku\":\"MUG\",\"quantity\":1,\"unit_price\":1}],\"coupon_ids\":[null,-1]}")) {
            Api.Response r = f.evaluate(body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        }
    }

    @Test
    void skusOutsideTheCatalogArePricedAsGivenAndReported() {
        var f = EvaluateFixture.create(context);
        long all = f.campaign(TestCampaign.automatic(
                f.tenantId, "10%", "PERCENT_OFF", new PromotionConfig.PercentOff(1000, null, 0), START));
        long apparel = f.campaign(
                TestCampaign.automatic(f.tenantId, "apparel 5 off", "AMOUNT_OFF", new AmountOff(500, 0), START)
                        .scope(Scope.categories("apparel")));

        JsonNode body = ok(f.evaluate("""
                {"lines":[{"line_id":"a","sku":"LOOSE-TEA","quantity":3,"unit_price":1000}],"at":"2026-11-25T04:00:00Z"}"""));

        assertThat(body.get("unknown_skus").toString()).isEqualTo("[\"LOOSE-TEA\"]");
        assertThat(candidate(body, all).get("status").asString()).isEqualTo("APPLIED");
        assertThat(body.at("/totals/payable").asLong()).isEqualTo(2700);
        // a promotion that covers no line is left out unless all candidates are asked for
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> candidate(body, apparel))
                .isInstanceOf(AssertionError.class);
        assertThat(body.get("candidates").size()).isEqualTo(1);

        JsonNode everything = ok(f.evaluate("""
                {"lines":[{"line_id":"a","sku":"LOOSE-TEA","quantity":3,"unit_price":1000}],"at":"2026-11-25T04:00:00Z",
                 "all_candidates":true}"""));
        assertThat(candidate(everything, apparel).get("reason_code").asString()).isEqualTo("no_eligible_items");
        assertThat(everything.at("/totals/payable").asLong()).isEqualTo(2700);
    }

    @Test
    void aKeyWithoutTheEvaluateScopeIsRefused() {
        var f = EvaluateFixture.create(context, "catalog");
        assertThat(f.evaluate(cart(null)).status()).isEqualTo(403);
    }
}
