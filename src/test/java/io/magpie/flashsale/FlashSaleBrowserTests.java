package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An operator sets up a sale in the console and watches shoppers' reservations arrive on its dashboard. */
@MagpieIntegrationTest
class FlashSaleBrowserTests {

    @Autowired
    ApplicationContext context;

    @Test
    void anOperatorSetsUpASaleAndWatchesItLive() {
        var tenant = TestTenants.create(context);
        String user = TestTenants.user(context, tenant.id(), "browser-password", "OPERATOR");
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        Api api = Api.of(context);
        LocalDateTime local = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);

        try (Browser browser = Browser.open(base)) {
            var wait = browser.waitUpTo(Duration.ofSeconds(15));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            browser.login(user, "browser-password");
            browser.go("/flash-sales");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-sidebar"))
                            .getText())
                    .contains("Flash sales");
            browser.driver().findElement(By.id("fs-name")).sendKeys("Double 11 · 20:00");
            js.executeScript(
                    "document.getElementById('fs-starts').value = arguments[0];"
                            + "document.getElementById('fs-ends').value = arguments[1];",
                    local.minusMinutes(1).toString(),
                    local.plusHours(2).toString());
            browser.screenshot("flashsale-new-session");
            var create = browser.driver().findElement(By.cssSelector("#fs-create-session button[type=submit]"));
            // a script click: in a small window the button may sit under the page's sticky parts
            js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", create);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fs-add-item")));
            String url = browser.driver().getCurrentUrl();
            long session = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

            browser.driver().findElement(By.id("fs-sku")).sendKeys("tea-250g");
            browser.driver().findElement(By.id("fs-item-name")).sendKeys("Longjing tea 250 g");
            browser.driver().findElement(By.id("fs-flash-price")).sendKeys("9.90");
            browser.driver().findElement(By.id("fs-original-price")).sendKeys("49.00");
            browser.driver().findElement(By.id("fs-stock")).sendKeys("20");
            var limit = browser.driver().findElement(By.id("fs-limit"));
            limit.clear();
            limit.sendKeys("2");
            js.executeScript(
                    "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    browser.driver().findElement(By.cssSelector("#fs-add-item button[type=submit]")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fs-items"), "tea-250g"));
            assertThat(browser.driver().findElement(By.id("fs-items")).getText())
                    .contains("¥9.90", "20");
            js.executeScript(
                    "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                    browser.driver().findElement(By.id("fs-publish")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fs-notice")));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .contains("Running");
            browser.screenshot("flashsale-session");

            long item = api.get("/api/v1/flash-sales/sessions/" + session, tenant.apiKey())
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asLong();
            String reservations = "/api/v1/flash-sales/" + session + "/items/" + item + "/reservations";
            assertThat(api.post(reservations, tenant.apiKey(), "{\"customer_id\":\"c-1\",\"quantity\":2}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(reservations, tenant.apiKey(), "{\"customer_id\":\"c-2\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(api.post(reservations, tenant.apiKey(), "{\"customer_id\":\"c-1\"}")
                            .code())
                    .isEqualTo("limit_reached");

            browser.go("/flash-sales/" + session + "/dashboard");
            wait.until(ExpectedConditions.textToBe(By.id("fs-left-" + item), "17"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fs-rate-chart canvas")));
            assertThat(browser.driver()
                            .findElement(By.id("fs-refused-limit_reached"))
                            .getText())
                    .isEqualTo("1");
            assertThat(browser.driver()
                            .findElement(By.id("fs-kpi-reservations"))
                            .getText())
                    .contains("2");

            // the page keeps polling: a new reservation shows up without reloading
            assertThat(api.post(reservations, tenant.apiKey(), "{\"customer_id\":\"c-3\",\"quantity\":2}")
                            .status())
                    .isEqualTo(201);
            wait.until(ExpectedConditions.textToBe(By.id("fs-left-" + item), "15"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fs-refusal-chart canvas")));
            // the rate chart plots whole seconds: the third reservation appears at the first poll after
            // the second it was made in has ended
            wait.until(d -> ((Number)
                                    js.executeScript(
                                            "var c = echarts.getInstanceByDom(document.getElementById('fs-rate-chart'));"
                                                    + "return c.getOption().series[0].data.reduce(function (a, b) { return a + b; }, 0);"))
                            .longValue()
                    == 3);
            browser.screenshot("flashsale-dashboard");

            browser.go("/flash-sales/" + session + "/reservations");
            assertThat(browser.driver().findElements(By.cssSelector("#fs-reservations tbody tr")))
                    .hasSize(3);
            browser.screenshot("flashsale-reservations");

            browser.driver().findElement(By.id("mp-lang-toggle")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[value='zh-CN']")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fs-tabs"), "实时大屏"));
            browser.go("/flash-sales/" + session + "/dashboard");
            wait.until(ExpectedConditions.textToBe(By.id("fs-left-" + item), "15"));
            browser.screenshot("flashsale-dashboard-zh");
        }
    }
}
