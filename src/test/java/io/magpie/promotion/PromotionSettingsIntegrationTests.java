package io.magpie.promotion;

import static io.magpie.promotion.EvaluateFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The tenant's stacking policy: caps per stack group reach cart evaluation; bad settings change nothing. */
@MagpieIntegrationTest
class PromotionSettingsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCapOfOneStoreCouponLeavesTheBetterOfTwoStoreCouponsAndThePlatformOne() {
        var f = EvaluateFixture.create(context);
        long storeTen =
                f.campaign(TestCampaign.coupon(f.tenantId, "store 10", "COUPON_FIXED", new AmountOff(1000, 0), START)
                        .group("store"));
        long storeTwenty =
                f.campaign(TestCampaign.coupon(f.tenantId, "store 20", "COUPON_FIXED", new AmountOff(2000, 0), START)
                        .group("store"));
        long platform =
                f.campaign(TestCampaign.coupon(f.tenantId, "platform 5", "COUPON_FIXED", new AmountOff(500, 0), START)
                        .group("platform"));
        f.coupon(storeTen, "c1", null);
        f.coupon(storeTwenty, "c1", null);
        f.coupon(platform, "c1", null);
        String cart = EvaluateFixture.cart("\"customer\":{\"id\":\"c1\"}");

        JsonNode unlimited = ok(f.evaluate(cart));
        assertThat(unlimited.at("/totals/discount").asLong()).isEqualTo(3500);

        Api api = Api.of(context);
        Api.Response put = api.put(
                "/api/v1/promotion-settings",
                f.apiKey,
                "{\"group_caps\":{\"store\":1,\"platform\":1},\"allow_free_orders\":false}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().at("/group_caps/store").asInt()).isEqualTo(1);

        JsonNode capped = ok(f.evaluate(cart));
        assertThat(capped.at("/totals/discount").asLong()).isEqualTo(2500);
        assertThat(status(capped, storeTen)).isEqualTo("SKIPPED");
        assertThat(status(capped, storeTwenty)).isEqualTo("APPLIED");
        assertThat(status(capped, platform)).isEqualTo("APPLIED");
        assertThat(api.get("/api/v1/promotion-settings", f.apiKey)
                        .json()
                        .at("/group_caps/platform")
                        .asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tenant_audit_log where tenant_id = ? and action = ?")
                        .params(f.tenantId, "promotion_settings.updated")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badSettingsAreRefusedByFieldAndChangeNothing() {
        var f = EvaluateFixture.create(context);
        Api api = Api.of(context);

        Api.Response bad = api.put(
                "/api/v1/promotion-settings", f.apiKey, "{\"group_caps\":{\"Store Coupons\":1,\"platform\":0}}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(bad.json().get("errors").toString())
                .contains("group_caps.Store Coupons", "invalid_group", "group_caps.platform", "out_of_range");
        assertThat(api.get("/api/v1/promotion-settings", f.apiKey)
                        .json()
                        .get("group_caps")
                        .size())
                .isZero();
        assertThat(api.put("/api/v1/promotion-settings", f.apiKey, "{\"group_caps\":{},\"surprise\":1}")
                        .status())
                .isEqualTo(400);
    }

    private static String status(JsonNode body, long campaignId) {
        for (JsonNode c : body.get("candidates")) {
            if (c.get("campaign_id").asLong() == campaignId) {
                return c.get("status").asString();
            }
        }
        throw new AssertionError("no candidate for campaign " + campaignId + " in " + body);
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
