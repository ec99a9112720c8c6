package io.magpie.promotion.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.CouponTestData;
import io.magpie.tenant.TestTenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class CouponPagesBrowserTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorIssuesCouponsAndGeneratesACodeBatchWatchingItsProgress() {
        long tenant = TestTenants.create(context).id();
        String user = TestTenants.user(context, tenant, "browser-password", "OPERATOR");
        long template = CouponTestData.template(context, tenant, "Double 11 save 30", 1000, 1);
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

        try (Browser browser = Browser.open(base)) {
            browser.login(user, "browser-password");
            var wait = browser.waitUpTo(Duration.ofSeconds(15));
            browser.go("/coupons");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("templates-table")));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-nav-link.active"))
                            .getText())
                    .isEqualTo("Coupons");
            assertThat(browser.driver().findElement(By.id("templates-table")).getText())
                    .contains("Double 11 save 30")
                    .contains("30 off over 200")
                    .contains("0 / 1000");
            browser.screenshot("coupons-list");

            browser.driver().findElement(By.linkText("Double 11 save 30")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-form")));
            browser.driver().findElement(By.id("issue-ids")).sendKeys("alice\nbob\nbob\n");
            browser.driver()
                    .findElement(By.cssSelector("#issue-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-table")));
            assertThat(browser.driver().findElement(By.id("issue-summary")).getText())
                    .isEqualTo("2 issued, 0 at their limit, 0 sold out, 1 duplicates");
            assertThat(browser.driver().findElement(By.id("issue-table")).getText())
                    .contains("alice")
                    .contains("Duplicate");
            browser.screenshot("coupons-issued");

            WebElement name = browser.driver().findElement(By.id("batch-name"));
            name.sendKeys("Flyer codes");
            WebElement pattern = browser.driver().findElement(By.id("batch-pattern"));
            pattern.clear();
            pattern.sendKeys("FLY-****-****");
            WebElement count = browser.driver().findElement(By.id("batch-count"));
            count.clear();
            count.sendKeys("300000");
            browser.driver()
                    .findElement(By.cssSelector("#generate-form button[type=submit]"))
                    .click();

            wait.until(ExpectedConditions.urlMatches(".*/code-batches/\\d+$"));
            List<String> seen = new ArrayList<>();
            browser.waitUpTo(Duration.ofSeconds(120)).until(d -> {
                seen.add(d.findElement(By.id("batch-progress")).getText());
                if (seen.size() == 2) {
                    browser.screenshot("code-batch-generating");
                }
                return "READY".equals(d.findElement(By.id("batch-job")).getAttribute("data-status"));
            });
            WebElement bar = browser.driver().findElement(By.id("batch-progress"));
            WebElement track = browser.driver().findElement(By.cssSelector("#batch-job .progress"));
            browser.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> bar.getSize().getWidth() >= track.getSize().getWidth() - 2);
            assertThat(bar.getText()).isEqualTo("100%");
            assertThat(seen).last().isEqualTo("100%");
            assertThat(browser.driver().findElement(By.id("batch-job")).getAttribute("hx-trigger"))
                    .isNull();
            assertThat(browser.driver().findElement(By.id("batch-result")).getText())
                    .contains("300,000 codes ready.");
            WebElement download = browser.driver().findElement(By.id("batch-download"));
            assertThat(download.getText()).isEqualTo("Download CSV");
            browser.screenshot("code-batch-ready");

            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.split('\\n')"
                                    + ".filter(l => l.length > 0).length + '|' + t.split('\\n')[1]));",
                            download.getAttribute("href"));
            String[] parts = ((String) csv).split("\\|");
            assertThat(parts[0]).isEqualTo("300001");
            assertThat(parts[1]).startsWith("FLY-").endsWith(",AVAILABLE,,,");

            browser.go("/coupons/" + template + "?lang=zh-CN");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-badge")));
            assertThat(browser.driver().findElement(By.id("template-badge")).getText())
                    .isEqualTo("满200减30");
            assertThat(browser.driver().findElement(By.id("coupons-table")).getText())
                    .contains("alice")
                    .contains("发放");
            browser.screenshot("coupons-detail-zh");
        }
        assertThat(jdbc.sql("select count(*) from promotion_code where tenant_id = ?")
                        .param(tenant)
                        .query(Long.class)
                        .single())
                .isEqualTo(300_000);
    }
}
