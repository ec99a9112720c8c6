package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.console.ConsoleSession.Page;
import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ConsoleShellIntegrationTests {

    @Autowired
    ApplicationContext context;

    ConsoleSession as(String role) {
        long tenant = TestTenants.create(context).id();
        return ConsoleSession.login(
                context, TestTenants.user(context, tenant, "shell-password", role), "shell-password");
    }

    @Test
    void shellShowsNavigationWithIconsTenantAndUserMenu() {
        Page page = as("OPERATOR").get("/customers");

        assertThat(page.body())
                .contains("Test Shop") // tenant name in the top bar
                .contains("Test OPERATOR", "Operator") // user menu: name and role
                .contains("href=\"/products\"", "href=\"/customers\"", "href=\"/orders\"")
                .contains("<svg class=\"mp-icon\"")
                .contains("English", "简体中文")
                .contains("/img/favicon.svg");
        // only the current page is highlighted
        assertThat(page.body()).containsOnlyOnce("aria-current=\"page\"");
        assertThat(page.body().replaceAll("\\s+", " "))
                .containsPattern(
                        "href=\"/customers\" class=\"mp-nav-link active\"|class=\"mp-nav-link active\"[^>]*href=\"/customers\"");
    }

    @Test
    void unknownPagesGetTheShellsNotFoundPage() {
        Page page = as("OWNER").get("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found", "mp-sidebar", "Go to the dashboard");
    }

    @Test
    void analystsCannotChangeAnythingAndSeeTheForbiddenPage() {
        ConsoleSession analyst = as("ANALYST");
        String csrf = ConsoleSession.csrf(analyst.get("/orders").body());

        Page page = analyst.postForm("/orders", "_csrf=" + csrf);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("Exception", "at org.");
    }

    @Test
    void errorPagesSpeakChinese() {
        ConsoleSession owner = as("OWNER");
        owner.get("/?lang=zh-CN");

        assertThat(owner.get("/orders/999999999").body()).contains("页面不存在", "返回仪表盘");
    }

    @Test
    void languageSwitchKeepsTheChoiceInACookie() {
        ConsoleSession owner = as("OWNER");
        String csrf = ConsoleSession.csrf(owner.get("/").body());

        Page switched = owner.postForm("/locale", "lang=zh-CN&_csrf=" + csrf);

        assertThat(switched.status()).isEqualTo(302);
        assertThat(owner.get("/").body()).contains("仪表盘", "lang=\"zh-CN\"");
    }

    @Test
    void faviconIsServedToEveryone() {
        Page icon = ConsoleSession.anonymous(context).get("/img/favicon.svg");

        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void actuatorInfoNamesTheApplicationAndVersion() {
        var info = Api.of(context).get("/actuator/info", null);

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("app").get("name").asString()).isEqualTo("magpie");
        assertThat(info.json().get("app").get("version").asString()).isNotBlank();
    }

    @Test
    void apiCallsDoNotRenderTheShell() {
        var tenant = TestTenants.create(context);
        var response = Api.of(context).get("/api/v1/hello", tenant.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("navigation");
    }
}
