package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.console.ConsoleSession;
import io.magpie.console.ConsoleSession.Page;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.LifecycleFixture.L;
import io.magpie.promotion.LifecycleFixture.P;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.tenant.TestTenants;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The console's results pages: KPI cards, the chart's data, budgets; other tenants' campaigns are not found. */
@MagpieIntegrationTest
class ResultsPagesIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void anOperatorSeesTheListAndACampaignsResults() {
        var f = LifecycleFixture.create(context);
        long auto =
                f.automatic("Double 12 sale", new PromotionConfig.AmountOff(1_234, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        f.limit(auto, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, 1_000_000);
        String order = LifecycleFixture.newOrderId();
        f.order(order, "c1", List.of(new L("1", "tea", 1, 10_000)), List.of(P.of(auto, null, "1", 1_234)));
        f.pay(order);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(f.promotion(order, auto).get("status").asString())
                                .isEqualTo("COMMITTED"));
        String user = TestTenants.user(context, f.tenant.id(), "results-password", "OPERATOR");
        ConsoleSession session = ConsoleSession.login(context, user, "results-password");

        Page list = session.get("/promotions/results");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("Campaign results", "Double 12 sale", "/promotions/campaigns/" + auto + "/results");

        Page page = session.get("/promotions/campaigns/" + auto + "/results");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Results: Double 12 sale", "Paid orders", "Discount cost", "¥12.34", "¥87.66")
                .contains("id=\"results-chart\"", "\"days\":[", "12.34", "/js/promotion-results.js")
                .contains("Budgets and limits", "¥10,000.00");
        assertThat(session.get("/console/promotions/campaigns/" + auto + "/results")
                        .status())
                .isEqualTo(200);
        assertThat(session.get("/js/promotion-results.js").status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsCampaignIsNotFound() {
        var f = LifecycleFixture.create(context);
        long auto = f.automatic("Secret sale", new PromotionConfig.AmountOff(100, 0), "AMOUNT_OFF", RefundPolicy.KEEP);
        long other = TestTenants.create(context).id();
        String user = TestTenants.user(context, other, "other-password", "ANALYST");
        ConsoleSession session = ConsoleSession.login(context, user, "other-password");

        Page page = session.get("/promotions/campaigns/" + auto + "/results");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Secret sale");
        assertThat(session.get("/promotions/results").body()).doesNotContain("Secret sale");
    }
}
