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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/skus/{sku}/promotions and the batch for list pages: badges, nudges and 到手价. */
@MagpieIntegrationTest
class ProductPromotionsIntegrationTests {

    @Autowired
    ApplicationContext context;

    private EvaluateFixture shop() {
        var f = EvaluateFixture.create(context);
        f.campaign(TestCampaign.automatic(
                        f.tenantId, "限时价", "LIMITED_TIME_PRICE", PriceOff.perSku(Map.of("SHIRT-M", 9900L)), START)
                .scope(Scope.skus("SHIRT-M")));
        f.campaign(TestCampaign.automatic(
                f.tenantId,
                "满200减30",
                "THRESHOLD_AMOUNT_OFF",
                new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20000, 3000))),
                START));
        f.campaign(TestCampaign.automatic(
                        f.tenantId, "第2件半价", "BUY_X_GET_Y", new PromotionConfig.BuyGet(1, 1, 5000, null), START)
                .scope(Scope.categories("apparel")));
        f.campaign(TestCampaign.automatic(
                f.tenantId, "包邮", "FREE_SHIPPING", new PromotionConfig.FreeShipping(0, null), START));
        f.campaign(TestCampaign.automatic(f.tenantId, "kitchen only", "AMOUNT_OFF", new AmountOff(500, 0), START)
                .scope(Scope.categories("kitchen")));
        f.campaign(TestCampaign.coupon(f.tenantId, "新人券", "COUPON_FIXED", new AmountOff(1000, 5000), START));
        f.campaign(TestCampaign.coupon(f.tenantId, "not claimable", "COUPON_FIXED", new AmountOff(9000, 0), START)
                .claimable(false));
        return f;
    }

    @Test
    void oneSkuShowsBadgesNudgesAndTheBestPriceOfOneUnit() {
        var f = shop();

        var r = f.api.get("/api/v1/skus/SHIRT-M/promotions", f.apiKey);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("price").asLong()).isEqualTo(12900);
        assertThat(badges(body))
                .containsExactly(
                        "Limited-time price ¥99.00",
                        "Spend ¥200, save ¥30",
                        "2nd item 50% off",
                        "Free shipping",
                        "Coupon: Spend ¥50, save ¥10");
        // 129.00 → 99.00 limited-time price, then the claimable 10.00 coupon (from 50.00): 89.00
        assertThat(body.at("/estimate/unit_price").asLong()).isEqualTo(8900);
        assertThat(body.at("/estimate/saving").asLong()).isEqualTo(4000);
        assertThat(body.at("/estimate/applied").size()).isEqualTo(2);
        assertThat(body.at("/estimate/applied/1/claim").asBoolean()).isTrue();
        assertThat(body.at("/estimate/assumptions").toString())
                .contains("claimed")
                .contains("No customer given");
        JsonNode manJian = body.get("promotions").get(1);
        assertThat(manJian.get("applies_to_one_unit").asBoolean()).isFalse();
        assertThat(manJian.at("/nudge/shortfall").asLong()).isEqualTo(10100);
        assertThat(manJian.at("/nudge/message").asString()).isEqualTo("Spend ¥101.00 more to save ¥30.00");

        var cn = f.api.send("GET", "/api/v1/skus/SHIRT-M/promotions", f.apiKey, null, null, "Accept-Language", "zh-CN");
        assertThat(badges(cn.json())).containsExactly("限时价 ¥99.00", "满200减30", "第2件半价", "免运费", "券：满50减10");
        assertThat(cn.json().at("/promotions/1/nudge/message").asString()).isEqualTo("再买101.00元可减30.00元");
    }

    @Test
    void aCustomersHeldCouponCountsInsteadOfClaimingAnother() {
        var f = shop();
        long template =
                f.campaign(TestCampaign.coupon(f.tenantId, "held 20", "CASH_VOUCHER", new AmountOff(2000, 0), START)
                        .claimable(false));
        long coupon = f.coupon(template, "c1", null);

        JsonNode body = f.api.get("/api/v1/skus/MUG/promotions?customer_id=c1", f.apiKey)
                .json();

        // 30.00 − 5.00 kitchen − 20.00 held voucher − nothing more from the 10.00 coupon (needs 50.00): 5.00
        assertThat(body.at("/estimate/unit_price").asLong()).isEqualTo(500);
        assertThat(body.toString()).contains("\"held_coupon_id\":" + coupon).contains("¥20 cash voucher");
    }

    @Test
    void batchAnswersInOrderAndReportsUnknownSkus() {
        var f = shop();

        var r = f.api.post("/api/v1/skus/promotions", f.apiKey, """
                {"skus":["MUG","NOPE","SHIRT-M","MUG"],"channel":"app"}""");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/items/0/sku").asString()).isEqualTo("MUG");
        assertThat(body.at("/items/1/sku").asString()).isEqualTo("SHIRT-M");
        assertThat(body.get("items").size()).isEqualTo(2);
        assertThat(body.get("unknown_skus").toString()).isEqualTo("[\"NOPE\"]");
        assertThat(f.api.get("/api/v1/skus/NOPE/promotions", f.apiKey).status()).isEqualTo(404);
        assertThat(f.api.post("/api/v1/skus/promotions", f.apiKey, "{\"skus\":[]}")
                        .status())
                .isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"skus\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        assertThat(f.api.post("/api/v1/skus/promotions", f.apiKey, many + "]}").status())
                .isEqualTo(400);
        assertThat(f.api.get("/api/v1/skus/MUG/promotions?channel=Bad%20One", f.apiKey)
                        .status())
                .isEqualTo(400);
    }

    private static List<String> badges(JsonNode body) {
        return body.get("promotions")
                .valueStream()
                .map(p -> p.get("badge").asString())
                .toList();
    }
}
