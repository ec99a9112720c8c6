package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.LifecycleFixture.L;
import io.magpie.promotion.LifecycleFixture.P;
import io.magpie.promotion.LifecycleFixture.Placed;
import io.magpie.promotion.pricing.PromotionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Limits and availability decided when the order is created: a refusal leaves nothing behind. */
@MagpieIntegrationTest
class PromotionReservationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aLimitReachedMeanwhileRefusesThePromotionAndWritesNothing() {
        var f = LifecycleFixture.create(context);
        long template =
                f.couponTemplate("20 off", new PromotionConfig.AmountOff(2_000, 0), "COUPON_FIXED", RefundPolicy.KEEP);
        long budget = f.limit(template, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 3_000);
        long first = f.coupon(template, "c1");
        long second = f.coupon(template, "c2");
        List<L> lines = List.of(new L("1", "tea", 1, 10_000));

        Placed ok = f.place(LifecycleFixture.newOrderId(), "c1", lines, List.of(P.of(template, first, "1", 2_000)));
        String refused = LifecycleFixture.newOrderId();
        Placed no = f.place(refused, "c2", lines, List.of(P.of(template, second, "1", 2_000)));

        assertThat(ok.status()).isEqualTo(201);
        assertThat(no.status()).isEqualTo(409);
        assertThat(no.code()).isEqualTo("promotion_limit_reached");
        assertThat(f.used(budget, "campaign:" + template)).isEqualTo(2_000);
        assertThat(f.couponState(second)).isEqualTo("AVAILABLE");
        assertThat(f.promotions(refused)).isEmpty();
        assertThat(f.api.get("/api/v1/orders/" + refused, f.tenant.apiKey()).status())
                .as("the order itself is not created")
                .isEqualTo(404);
        assertThat(f.jdbc.sql("select count(*) from promotion_limit_consumption where tenant_id = ?")
                        .param(f.tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCouponOfAnotherCustomerOrAlreadyUsedIsUnavailable() {
        var f = LifecycleFixture.create(context);
        long template =
                f.couponTemplate("5 off", new PromotionConfig.AmountOff(500, 0), "COUPON_FIXED", RefundPolicy.KEEP);
        long coupon = f.coupon(template, "c1");
        List<L> lines = List.of(new L("1", "tea", 1, 10_000));

        Placed stranger =
                f.place(LifecycleFixture.newOrderId(), "c9", lines, List.of(P.of(template, coupon, "1", 500)));
        Placed owner = f.place(LifecycleFixture.newOrderId(), "c1", lines, List.of(P.of(template, coupon, "1", 500)));
        Placed again = f.place(LifecycleFixture.newOrderId(), "c1", lines, List.of(P.of(template, coupon, "1", 500)));

        assertThat(stranger).isEqualTo(new Placed(409, "coupon_unavailable"));
        assertThat(owner.status()).isEqualTo(201);
        assertThat(again).isEqualTo(new Placed(409, "coupon_unavailable"));
    }

    @Test
    void aPausedCampaignOrAnImplausibleDiscountIsRefused() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic("10 off", new PromotionConfig.AmountOff(1_000, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        List<L> lines = List.of(new L("1", "tea", 1, 10_000));

        Placed tooMuch = f.place(LifecycleFixture.newOrderId(), "c1", lines, List.of(P.of(auto, null, "1", 1_001)));
        f.jdbc.sql("update promotion_campaign set status = 'PAUSED' where id = ?")
                .param(auto)
                .update();
        Placed paused = f.place(LifecycleFixture.newOrderId(), "c1", lines, List.of(P.of(auto, null, "1", 1_000)));

        assertThat(tooMuch).isEqualTo(new Placed(422, "discount_implausible"));
        assertThat(paused).isEqualTo(new Placed(409, "promotion_not_running"));
    }

    @Test
    void fiftyConcurrentOrdersAgainstABudgetForTwentyGetExactlyTwenty() throws Exception {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic("10 off", new PromotionConfig.AmountOff(1_000, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        long budget = f.limit(auto, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 20_000);
        List<L> lines = List.of(new L("1", "tea", 1, 10_000));

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Placed>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String customer = "c" + i;
            futures.add(pool.submit(() -> {
                go.await();
                return f.place(LifecycleFixture.newOrderId(), customer, lines, List.of(P.of(auto, null, "1", 1_000)));
            }));
        }
        go.countDown();
        List<Placed> placed = new ArrayList<>();
        for (Future<Placed> future : futures) {
            placed.add(future.get());
        }
        pool.shutdown();

        assertThat(placed).filteredOn(p -> p.status() == 201).hasSize(20);
        assertThat(placed)
                .filteredOn(p -> p.status() != 201)
                .hasSize(30)
                .allSatisfy(p -> assertThat(p).isEqualTo(new Placed(409, "promotion_limit_reached")));
        assertThat(f.used(budget, "campaign:" + auto)).isEqualTo(20_000);
        assertThat(f.jdbc.sql("select count(*) from promotion_redemption where tenant_id = ? and campaign_id = ?")
                        .params(f.tenant.id(), auto)
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
    }
}
