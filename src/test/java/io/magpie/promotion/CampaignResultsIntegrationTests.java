package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.LifecycleFixture.L;
import io.magpie.promotion.LifecycleFixture.P;
import io.magpie.promotion.pricing.PromotionConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Campaign results add up to what the orders' promotions say. */
@MagpieIntegrationTest
class CampaignResultsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void totalsAndTheDailySeriesMatchTheOrders() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic("10 off", new PromotionConfig.AmountOff(1_000, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        long budget = f.limit(auto, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 100_000);
        List<L> lines = List.of(new L("1", "tea", 2, 10_000));
        List<P> promotion = List.of(P.of(auto, null, "1", 1_000));
        String paid = LifecycleFixture.newOrderId();
        String refunded = LifecycleFixture.newOrderId();
        String pending = LifecycleFixture.newOrderId();
        String cancelled = LifecycleFixture.newOrderId();
        long paidTotal =
                f.order(paid, "c1", lines, promotion).json().get("total").asLong();
        long refundedTotal =
                f.order(refunded, "c2", lines, promotion).json().get("total").asLong();
        f.order(pending, "c3", lines, promotion);
        f.order(cancelled, "c4", lines, promotion);
        f.pay(paid);
        f.pay(refunded);
        f.cancel(cancelled);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                f.promotion(refunded, auto).get("status").asString())
                        .isEqualTo("COMMITTED"));
        f.refund(refunded, "r1", "1", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(f.promotion(refunded, auto).get("refunded").asLong()).isEqualTo(500);
            assertThat(f.promotion(paid, auto).get("status").asString()).isEqualTo("COMMITTED");
            assertThat(f.promotion(cancelled, auto).get("status").asString()).isEqualTo("RELEASED");
        });

        JsonNode r = f.api.get("/api/v1/campaigns/" + auto + "/results", f.tenant.apiKey())
                .json();

        JsonNode t = r.get("totals");
        long net = f.promotion(paid, auto).get("net_discount").asLong()
                + f.promotion(refunded, auto).get("net_discount").asLong();
        assertThat(t.get("orders").asLong()).isEqualTo(2);
        assertThat(t.get("redemptions").asLong()).isEqualTo(2);
        assertThat(t.get("discount").asLong()).isEqualTo(2_000);
        assertThat(t.get("refunded").asLong()).isEqualTo(500);
        assertThat(t.get("discount_cost").asLong()).isEqualTo(net).isEqualTo(1_500);
        assertThat(t.get("gmv").asLong()).isEqualTo(paidTotal + refundedTotal);
        assertThat(t.get("pending_orders").asLong()).isEqualTo(1);
        assertThat(t.get("pending_discount").asLong()).isEqualTo(1_000);
        assertThat(t.get("released_orders").asLong()).isEqualTo(1);
        assertThat(r.get("limits").get(0).get("limit_id").asLong()).isEqualTo(budget);
        assertThat(r.get("limits").get(0).get("used").asLong())
                .isEqualTo(f.used(budget, "campaign:" + auto))
                .isEqualTo(2_500);
        assertThat(r.get("series")).hasSize(30);
        JsonNode today = r.get("series").get(29);
        assertThat(today.get("date").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(today.get("orders").asLong()).isEqualTo(2);
        assertThat(today.get("discount_cost").asLong()).isEqualTo(1_500);
        assertThat(today.get("gmv").asLong()).isEqualTo(paidTotal + refundedTotal);
        assertThat(r.has("coupons")).isFalse();
    }

    @Test
    void badPeriodsAndUnknownCampaignsAreProblems() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic("10 off", new PromotionConfig.AmountOff(1_000, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        String base = "/api/v1/campaigns/" + auto + "/results";

        assertThat(f.api.get(base + "?from=2026-11-02&to=2026-11-01", f.tenant.apiKey())
                        .status())
                .isEqualTo(400);
        assertThat(f.api.get(base + "?from=2024-01-01&to=2026-11-01", f.tenant.apiKey())
                        .status())
                .isEqualTo(400);
        assertThat(f.api.get(base + "?from=yesterday", f.tenant.apiKey()).status())
                .isEqualTo(400);
        assertThat(f.api.get(base + "?granularity=week", f.tenant.apiKey()).status())
                .isEqualTo(400);
        assertThat(f.api.get("/api/v1/campaigns/999999999/results", f.tenant.apiKey())
                        .status())
                .isEqualTo(404);
        var week = f.api.get(base + "?from=2026-11-01&to=2026-11-07", f.tenant.apiKey());
        assertThat(week.status()).isEqualTo(200);
        assertThat(week.json().get("series")).hasSize(7);
    }
}
