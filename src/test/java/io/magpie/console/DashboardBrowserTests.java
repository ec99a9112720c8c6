package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.CommerceSeed;
import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class DashboardBrowserTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void dashboardDrawsTheSalesChartAndSpeaksChinese() {
        long tenant = TestTenants.create(context).id();
        String user = TestTenants.user(context, tenant, "browser-password", "OWNER");
        DemoShop.fill(CommerceSeed.of(context, tenant), clock.instant());
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

        try (Browser browser = Browser.open(base)) {
            browser.login(user, "browser-password");
            var wait = browser.waitUpTo(Duration.ofSeconds(15));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mp-daily-chart canvas")));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            Object points = js.executeScript(
                    "var c = echarts.getInstanceByDom(document.getElementById('mp-daily-chart'));"
                            + "var s = c.getOption().series; return [s[0].data.length, s[1].data.reduce(function (a, b) { return a + b; }, 0)];");
            assertThat(points.toString()).startsWith("[90, ").doesNotEndWith(", 0]");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .isEqualTo("Dashboard");
            assertThat(browser.driver().findElement(By.id("kpi-gmv")).getText()).contains("¥");
            browser.screenshot("dashboard-en");

            browser.driver().findElement(By.id("mp-definitions")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mp-info-panel")));
            browser.screenshot("dashboard-definitions");

            browser.driver().findElement(By.id("mp-lang-toggle")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[value='zh-CN']")))
                    .click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".mp-page-title"), "仪表盘"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mp-daily-chart canvas")));
            assertThat(browser.driver().getTitle()).startsWith("仪表盘");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-sidebar"))
                            .getText())
                    .contains("订单", "商品", "客户");
            browser.screenshot("dashboard-zh");

            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(420, 860));
            browser.go("/");
            browser.screenshot("dashboard-zh-narrow");
            browser.driver().findElement(By.cssSelector(".mp-burger")).click();
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript(
                            "return document.querySelector('.mp-sidebar').getBoundingClientRect().left === 0;")));
            browser.screenshot("dashboard-zh-narrow-menu");
        }
    }
}
