package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.console.ConsoleSession;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The campaign pages over HTTP: htmx fragments, CSRF-protected lifecycle buttons, roles, form problems. */
@MagpieIntegrationTest
class CampaignPagesIntegrationTests {

    static final String PASSWORD = "campaign-pages-password";

    @Autowired
    ApplicationContext context;

    @Autowired
    Campaigns campaigns;

    long tenant;
    long id;
    ConsoleSession operator;

    @BeforeEach
    void setUp() {
        tenant = TestTenants.create(context).id();
        id = campaigns
                .create(
                        tenant,
                        "test",
                        new CampaignCommand(
                                null,
                                "Tea festival",
                                null,
                                "AUTOMATIC",
                                "EVERY_AMOUNT_OFF",
                                CampaignsApiIntegrationTests.JSON.readTree(
                                        "{\"every\": 10000, \"amount_off\": 1000, \"cap\": 5000}"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                .id();
        operator = ConsoleSession.login(context, TestTenants.user(context, tenant, PASSWORD, "OPERATOR"), PASSWORD);
    }

    @Test
    void theListAnswersHtmxWithTheResultsFragmentOnly() {
        var page = operator.get("/campaigns?q=festival&state=DRAFT");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tea festival").contains("campaign-filters");
        var fragment = operator.fragment("/campaigns?q=festival");
        assertThat(fragment.body()).contains("Tea festival").doesNotContain("campaign-filters");
        assertThat(fragment.vary()).contains("HX-Request");
        assertThat(operator.fragment("/campaigns?q=nothing-like-this").body()).contains("No promotion matches");
    }

    @Test
    void lifecycleButtonsNeedTheCsrfTokenAndAnOperator() {
        var detail = operator.get("/campaigns/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body())
                .contains("campaign-publish")
                .contains("¥100.00")
                .contains("¥50.00");
        assertThat(operator.postForm("/campaigns/" + id + "/publish", "").status())
                .as("no CSRF token")
                .isEqualTo(403);
        String token = ConsoleSession.csrf(detail.body());
        var published = operator.postForm("/campaigns/" + id + "/publish", "_csrf=" + token);
        assertThat(published.status()).isEqualTo(302);
        assertThat(published.location()).endsWith("/campaigns/" + id);
        assertThat(campaigns.get(tenant, id).state()).isEqualTo(CampaignState.RUNNING);
        assertThat(operator.get("/campaigns/" + id).body()).contains("The promotion was published.");
        var again = operator.postForm("/campaigns/" + id + "/publish", "_csrf=" + token);
        assertThat(again.status()).isEqualTo(302);
        assertThat(operator.get("/campaigns/" + id).body())
                .contains("This action does not apply to the promotion in its current state.");

        ConsoleSession analyst =
                ConsoleSession.login(context, TestTenants.user(context, tenant, PASSWORD, "ANALYST"), PASSWORD);
        var page = analyst.get("/campaigns/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("campaign-pause");
        String analystToken = ConsoleSession.csrf(page.body());
        assertThat(analyst.postForm("/campaigns/" + id + "/pause", "_csrf=" + analystToken)
                        .status())
                .isEqualTo(403);
        assertThat(analyst.get("/campaigns/new").status()).isEqualTo(403);
        assertThat(campaigns.get(tenant, id).state()).isEqualTo(CampaignState.RUNNING);
    }

    @Test
    void theBuilderConvertsYuanAndPercentsExactlyAndReportsUnreadableAmounts() {
        String token = ConsoleSession.csrf(operator.get("/campaigns/new").body());
        String bad = """
                {"name": "Percent", "kind": "AUTOMATIC", "rule_type": "PERCENT_OFF",
                 "config": {"percent_off_bp": "12.5", "cap": "19.999", "min_spend": "0.10"},
                 "limits": [{"measure": "DISCOUNT_AMOUNT", "per": "CAMPAIGN", "period": "TOTAL", "max": "1000.01"}]}""";
        var refused = operator.postForm("/campaigns/new", form(token, bad));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("config.cap")
                .contains("An amount in yuan with at most two decimals, e.g. 99.90.");
        var saved = operator.postForm("/campaigns/new", form(token, bad.replace("19.999", "19.99")));
        assertThat(saved.status()).isEqualTo(302);
        long created = Long.parseLong(saved.location().replaceAll(".*/campaigns/", ""));
        CampaignView view = campaigns.get(tenant, created);
        assertThat(view.config().toString()).isEqualTo("{\"percent_off_bp\":1250,\"cap\":1999,\"min_spend\":10}");
        assertThat(view.limits().get(0).max()).isEqualTo(100_001);
    }

    private static String form(String token, String payload) {
        return "_csrf=" + token + "&payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}
