package io.magpie.promotion;

import static io.magpie.promotion.EvaluateFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.Scope;
import io.magpie.promotion.pricing.Stacking;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The engine's properties hold after the mapping to JSON too: on random carts (fixed seed) every applied
 * promotion's allocations sum to its discount, the applied discounts sum to the total discount, each
 * line's payable is its amount minus its allocations, and the lines plus freight sum to the payable.
 */
@MagpieIntegrationTest
class CartEvaluationInvariantsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void allocationsAndTotalsAddUpOnRandomCarts() {
        var f = EvaluateFixture.create(context);
        f.campaign(TestCampaign.automatic(
                        f.tenantId, "限时价", "LIMITED_TIME_PRICE", PriceOff.perSku(Map.of("SHIRT-M", 9900L)), START)
                .scope(Scope.skus("SHIRT-M")));
        f.campaign(TestCampaign.automatic(
                        f.tenantId,
                        "满减",
                        "THRESHOLD_AMOUNT_OFF",
                        new PromotionConfig.TieredAmountOff(
                                Basis.AMOUNT, List.of(new AmountTier(10000, 1000), new AmountTier(30000, 4500))),
                        START)
                .scope(Scope.categories("apparel")));
        f.campaign(TestCampaign.automatic(
                f.tenantId, "9折", "PERCENT_OFF", new PromotionConfig.PercentOff(1000, 2500L, 0), START));
        f.campaign(TestCampaign.automatic(
                        f.tenantId, "买2送1", "BUY_X_GET_Y", new PromotionConfig.BuyGet(2, 1, 10000, null), START)
                .scope(Scope.categories("kitchen")));
        f.campaign(TestCampaign.automatic(f.tenantId, "exclusive 33", "AMOUNT_OFF", new AmountOff(3333, 0), START)
                .stacking(Stacking.EXCLUSIVE));
        f.campaign(TestCampaign.automatic(
                f.tenantId, "包邮", "FREE_SHIPPING", new PromotionConfig.FreeShipping(15000, null), START));
        long template = f.campaign(TestCampaign.coupon(
                f.tenantId, "券", "COUPON_PERCENT", new PromotionConfig.PercentOff(1500, 2000L, 5000), START));
        f.coupon(template, "c1", null);
        String[] skus = {"SHIRT-M", "MUG", "GIFT", "LOOSE"};

        Random random = new Random(20261125);
        for (int run = 0; run < 40; run++) {
            StringBuilder lines = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                lines.append(i == 0 ? "" : ",")
                        .append("{\"line_id\":\"L")
                        .append(i)
                        .append("\",\"sku\":\"")
                        .append(skus[random.nextInt(skus.length)])
                        .append("\",\"quantity\":")
                        .append(1 + random.nextInt(5))
                        .append(",\"unit_price\":")
                        .append(random.nextInt(20000))
                        .append(random.nextInt(4) == 0 ? ",\"floor_unit_price\":" + random.nextInt(8000) : "")
                        .append('}');
            }
            String body = "{\"lines\":[" + lines + "],\"customer\":{\"id\":\"c1\"},\"freight\":" + random.nextInt(2000)
                    + ",\"at\":\"2026-11-25T04:00:00Z\"}";
            var r = f.evaluate(body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(200);
            check(r.json(), body);
        }
    }

    private static void check(JsonNode b, String request) {
        long discount = b.at("/totals/discount").asLong();
        long applied = 0;
        for (JsonNode a : b.get("applied")) {
            long sum = 0;
            for (JsonNode x : a.get("allocations")) {
                sum += x.get("amount").asLong();
            }
            assertThat(sum).as(request).isEqualTo(a.get("discount").asLong());
            applied += a.get("discount").asLong();
        }
        assertThat(applied).as(request).isEqualTo(discount);
        long lines = 0;
        long subtotal = 0;
        for (JsonNode l : b.get("lines")) {
            long allocated = 0;
            for (JsonNode x : l.get("allocations")) {
                allocated += x.get("amount").asLong();
            }
            assertThat(l.get("payable").asLong())
                    .as(request)
                    .isEqualTo(l.get("original_amount").asLong() - allocated);
            assertThat(l.get("payable").asLong()).as(request).isNotNegative();
            lines += l.get("payable").asLong();
            subtotal += l.get("original_amount").asLong();
        }
        assertThat(subtotal).as(request).isEqualTo(b.at("/totals/subtotal").asLong());
        assertThat(lines
                        + b.at("/totals/freight").asLong()
                        - b.at("/totals/freight_discount").asLong())
                .as(request)
                .isEqualTo(b.at("/totals/payable").asLong());
    }
}
