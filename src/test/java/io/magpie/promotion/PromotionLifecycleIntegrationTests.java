package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.commerce.OrderCancelled;
import io.magpie.commerce.OrderPaid;
import io.magpie.commerce.OrderRefunded;
import io.magpie.commerce.RefundedLine;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.LifecycleFixture.L;
import io.magpie.promotion.LifecycleFixture.P;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The order lifecycle of promotions over real HTTP and PostgreSQL: reserve on creation, commit on
 * payment, release on cancellation, roll back exactly the refunded units' shares, revert below a
 * threshold; every event replayed changes nothing.
 */
@MagpieIntegrationTest
class PromotionLifecycleIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderPromotions listener;

    @Autowired
    PromotionEventRecorder events;

    @Test
    void reservePayRefundUnitByUnitThenTheWholeOrder() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic(
                "满100减10",
                new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(10_000, 1_000))),
                "THRESHOLD_AMOUNT_OFF",
                RefundPolicy.KEEP);
        long budget = f.limit(auto, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 100_000);
        long perCustomer = f.limit(auto, LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, 5);
        long template =
                f.couponTemplate("5.01 off", new PromotionConfig.AmountOff(501, 0), "COUPON_FIXED", RefundPolicy.KEEP);
        long coupon = f.coupon(template, "c1");
        String order = LifecycleFixture.newOrderId();
        List<L> lines = List.of(new L("1", "tea", 2, 10_000), new L("2", "cup", 1, 5_000));
        List<P> promotions = List.of(P.of(auto, null, "1", 800, "2", 200), P.of(template, coupon, "1", 401, "2", 100));

        var created = f.order(order, "c1", lines, promotions);

        assertThat(f.couponState(coupon)).isEqualTo("LOCKED");
        assertThat(f.used(budget, "campaign:" + auto)).isEqualTo(1_000);
        assertThat(f.used(perCustomer, "customer:c1")).isEqualTo(1);
        assertThat(f.promotions(order))
                .extracting(p -> p.get("status").asString())
                .containsOnly("RESERVED");

        // a replayed creation reserves nothing more
        String before = f.promotions(order).toString();
        new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> listener.on(f.created(created.json(), promotions)));
        assertThat(f.promotions(order).toString()).isEqualTo(before);
        assertThat(f.used(budget, "campaign:" + auto)).isEqualTo(1_000);

        f.pay(order);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(f.promotions(order))
                        .extracting(p -> p.get("status").asString())
                        .containsOnly("COMMITTED"));
        assertThat(f.couponState(coupon)).isEqualTo("REDEEMED");
        assertThat(events.received(CouponRedeemed.class, order)).singleElement().satisfies(e -> {
            assertThat(e.couponId()).isEqualTo(coupon);
            assertThat(e.discount()).isEqualTo(501);
            assertThat(e.customerId()).isEqualTo("c1");
        });
        assertThat(events.received(PromotionApplied.class, order))
                .extracting(PromotionApplied::campaignId, PromotionApplied::discount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(auto, 1_000L),
                        org.assertj.core.groups.Tuple.tuple(template, 501L));

        // a replayed payment changes and publishes nothing
        listener.on(new OrderPaid(f.tenant.id(), order, "c1", 0, Instant.now()));
        assertThat(events.received(PromotionApplied.class, order)).hasSize(2);
        assertThat(events.received(CouponRedeemed.class, order)).hasSize(1);

        // one unit of the quantity-2 line: unit 0 carries 400 of 800 and 201 of 401
        f.refund(order, "r1", "1", 1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                f.promotion(order, auto).get("refunded").asLong())
                        .isEqualTo(400));
        JsonNode coupons = f.promotion(order, template);
        assertThat(coupons.get("refunded").asLong()).isEqualTo(201);
        assertThat(coupons.get("status").asString()).isEqualTo("PARTIALLY_ROLLED_BACK");
        assertThat(f.used(budget, "campaign:" + auto)).isEqualTo(600);
        assertThat(f.used(perCustomer, "customer:c1")).isEqualTo(1);
        assertThat(f.couponState(coupon)).isEqualTo("REDEEMED");

        // the same refund again (a replayed event) changes nothing
        String afterFirst = f.promotions(order).toString();
        listener.on(new OrderRefunded(
                f.tenant.id(),
                order,
                "r1",
                "c1",
                9_400,
                List.of(new RefundedLine("1", "tea", 1, List.of(0), 9_400)),
                Instant.now()));
        assertThat(f.promotions(order).toString()).isEqualTo(afterFirst);
        assertThat(f.used(budget, "campaign:" + auto)).isEqualTo(600);

        // the other unit: the shares of line 1 are now back in full
        f.refund(order, "r2", "1", 1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                f.promotion(order, auto).get("refunded").asLong())
                        .isEqualTo(800));
        assertThat(f.promotion(order, template).get("refunded").asLong()).isEqualTo(401);
        assertThat(f.promotion(order, auto)
                        .get("allocations")
                        .get(0)
                        .get("rolled_back")
                        .asLong())
                .isEqualTo(800);

        // the last line: the whole order is refunded, everything rolls back and the coupon returns
        f.refund(order, "r3", "2", 1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(f.promotions(order))
                        .extracting(p -> p.get("status").asString())
                        .containsOnly("ROLLED_BACK"));
        assertThat(f.promotion(order, auto).get("net_discount").asLong()).isZero();
        assertThat(f.promotion(order, template).get("net_discount").asLong()).isZero();
        assertThat(f.used(budget, "campaign:" + auto)).isZero();
        assertThat(f.used(perCustomer, "customer:c1")).isZero();
        assertThat(f.couponState(coupon)).isEqualTo("AVAILABLE");
        assertThat(events.received(PromotionRolledBack.class, order)).hasSize(6);
    }

    @Test
    void cancellingReleasesLimitsAndCouponsAndACouponExpiredMeanwhileComesBackExpired() {
        var f = LifecycleFixture.create(context);
        long template =
                f.couponTemplate("10 off", new PromotionConfig.AmountOff(1_000, 0), "COUPON_FIXED", RefundPolicy.KEEP);
        long budget = f.limit(template, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 50_000);
        long valid = f.coupon(template, "c2");
        long expiring = f.coupon(template, "c2");
        String first = LifecycleFixture.newOrderId();
        String second = LifecycleFixture.newOrderId();
        List<L> lines = List.of(new L("1", "tea", 1, 10_000));

        f.order(first, "c2", lines, List.of(P.of(template, valid, "1", 1_000)));
        f.order(second, "c2", lines, List.of(P.of(template, expiring, "1", 1_000)));
        assertThat(f.used(budget, "campaign:" + template)).isEqualTo(2_000);
        // the second coupon's validity ends while its order waits for payment
        f.jdbc.sql("update promotion_coupon set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), expiring)
                .update();

        f.cancel(first);
        f.cancel(second);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(f.promotion(first, template).get("status").asString()).isEqualTo("RELEASED");
            assertThat(f.promotion(second, template).get("status").asString()).isEqualTo("RELEASED");
        });
        assertThat(f.couponState(valid)).isEqualTo("AVAILABLE");
        assertThat(f.couponState(expiring)).isEqualTo("EXPIRED");
        assertThat(f.used(budget, "campaign:" + template)).isZero();
        assertThat(events.received(PromotionReleased.class, second))
                .singleElement()
                .satisfies(e -> assertThat(e.couponState()).isEqualTo(CouponState.EXPIRED));

        // replayed cancellations change nothing
        listener.on(new OrderCancelled(f.tenant.id(), first, "c2", "replay", Instant.now()));
        assertThat(f.used(budget, "campaign:" + template)).isZero();
        assertThat(events.received(PromotionReleased.class, first)).hasSize(1);
        assertThat(f.couponState(valid)).isEqualTo("AVAILABLE");
    }

    @Test
    void revertBelowTheThresholdClawsBackTheRemainingDiscountAndReturnsTheCoupon() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic(
                "满200减30",
                new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20_000, 3_000))),
                "THRESHOLD_AMOUNT_OFF",
                RefundPolicy.REVERT);
        long budget = f.limit(auto, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 100_000);
        long redemptions = f.limit(auto, LimitMeasure.REDEMPTIONS, LimitScope.CAMPAIGN, 100);
        long template = f.couponTemplate(
                "满200减10", new PromotionConfig.AmountOff(1_000, 20_000), "COUPON_FIXED", RefundPolicy.REVERT);
        long coupon = f.coupon(template, "c3");
        String order = LifecycleFixture.newOrderId();

        f.order(
                order,
                "c3",
                List.of(new L("A", "tea", 1, 12_000), new L("B", "cup", 1, 12_000)),
                List.of(P.of(auto, null, "A", 1_500, "B", 1_500), P.of(template, coupon, "A", 500, "B", 500)));
        f.pay(order);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(f.couponState(coupon)).isEqualTo("REDEEMED"));

        f.refund(order, "r1", "A", 1);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(f.promotions(order))
                        .extracting(p -> p.get("status").asString())
                        .containsOnly("REVERTED"));
        JsonNode a = f.promotion(order, auto);
        assertThat(a.get("refunded").asLong()).isEqualTo(1_500);
        assertThat(a.get("clawback").asLong()).isEqualTo(1_500);
        assertThat(a.get("net_discount").asLong()).isZero();
        JsonNode c = f.promotion(order, template);
        assertThat(c.get("refunded").asLong()).isEqualTo(500);
        assertThat(c.get("clawback").asLong()).isEqualTo(500);
        assertThat(f.used(budget, "campaign:" + auto)).isZero();
        assertThat(f.used(redemptions, "campaign:" + auto)).isZero();
        assertThat(f.couponState(coupon)).isEqualTo("AVAILABLE");
        assertThat(events.received(PromotionReverted.class, order))
                .extracting(PromotionReverted::campaignId, PromotionReverted::clawback)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(auto, 1_500L),
                        org.assertj.core.groups.Tuple.tuple(template, 500L));

        // a reverted promotion stays as it is when the rest is refunded later
        f.refund(order, "r2", "B", 1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(f.jdbc.sql(
                                        "select count(*) from promotion_order_refund where tenant_id = ? and refund_id = 'r2'")
                                .param(f.tenant.id())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
        assertThat(f.promotion(order, auto).get("clawback").asLong()).isEqualTo(1_500);
        assertThat(f.promotion(order, auto).get("status").asString()).isEqualTo("REVERTED");
    }
}
