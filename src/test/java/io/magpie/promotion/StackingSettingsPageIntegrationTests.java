package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.console.ConsoleSession;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The stacking policy in the console: shown, saved (audited, used by evaluation), bad input refused whole. */
@MagpieIntegrationTest
class StackingSettingsPageIntegrationTests {

    private static final String PASSWORD = "stacking-password";

    @Autowired
    ApplicationContext context;

    @Autowired
    PromotionSettings settings;

    @Test
    void anOperatorSetsCapsAndSwitchesAndBadInputChangesNothing() {
        long tenant = TestTenants.create(context).id();
        var operator = ConsoleSession.login(context, TestTenants.user(context, tenant, PASSWORD, "OPERATOR"), PASSWORD);

        var page = operator.get("/promotions/stacking");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Caps per stack group", "Allow free orders", "id=\"stacking-caps\"");
        String csrf = ConsoleSession.csrf(page.body());

        var saved = operator.postForm(
                "/promotions/stacking",
                "_csrf=" + csrf + "&group=store&cap=1&group=platform&cap=2&group=&cap=&allowFreeOrders=true");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(settings.get(tenant))
                .isEqualTo(new PromotionSettings.View(Map.of("store", 1, "platform", 2), true, false));
        var shown = operator.get("/promotions/stacking").body();
        assertThat(shown).contains("Stacking saved", "value=\"platform\"", "value=\"store\"");

        var bad = operator.postForm(
                "/promotions/stacking",
                "_csrf=" + csrf + "&group=Bad+Name&cap=1&group=store&cap=500&oneOfferPerLine=true");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(settings.get(tenant))
                .as("nothing of a refused form is saved")
                .isEqualTo(new PromotionSettings.View(Map.of("store", 1, "platform", 2), true, false));
        var refused = operator.get("/promotions/stacking").body();
        assertThat(refused)
                .contains("id=\"stacking-error\"", "a group name is [a-z0-9_-]{1,32}", "a cap is between 1 and 100")
                .as("the operator's input is kept for correction")
                .contains("value=\"Bad Name\"", "value=\"500\"");

        var analyst = ConsoleSession.login(context, TestTenants.user(context, tenant, PASSWORD, "ANALYST"), PASSWORD);
        var analystPage = analyst.get("/promotions/stacking");
        assertThat(analystPage.status()).isEqualTo(200);
        assertThat(analyst.postForm(
                                "/promotions/stacking",
                                "_csrf=" + ConsoleSession.csrf(analystPage.body()) + "&group=x&cap=1")
                        .status())
                .as("an analyst reads but does not change")
                .isEqualTo(403);
        assertThat(settings.get(tenant).groupCaps()).containsOnlyKeys("store", "platform");
    }
}
