package io.magpie.promotion.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.SimulatorSetup;
import io.magpie.tenant.TestTenants;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** An operator prices a cart in the simulator: products found as they type, the discount, and why not. */
@MagpieIntegrationTest
class SimulatorBrowserTests {

    @Autowired
    ApplicationContext context;

    @Test
    void operatorAddsProductsAndSeesTheDiscountAndWhyAPromotionDidNotApply() {
        long tenant = SimulatorSetup.shopWithManJianAndLimitedTimePrice(context);
        String user = TestTenants.user(context, tenant, "simulator-password", "OPERATOR");
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

        try (Browser browser = Browser.open(base)) {
            browser.login(user, "simulator-password");
            browser.go("/promotions/simulator");
            var wait = browser.waitUpTo(Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .isEqualTo("Cart simulator");

            addProduct(browser, "oxford", "SHIRT-M");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sim-payable")));
            addProduct(browser, "oxford", "SHIRT-M");
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input.sim-qty"), "value", "2"));
            addProduct(browser, "mug", "MUG");
            wait.until(
                    d -> d.findElements(By.cssSelector("#sim-lines tbody tr")).size() == 2);

            // 2 × 99.00 limited-time price + 30.00 mug; 满200减30 over apparel misses by 2.00
            assertThat(text(browser, "#sim-payable")).isEqualTo("¥228.00");
            WebElement manJian =
                    browser.driver().findElement(By.cssSelector("#sim-candidates tr[data-status='NOT_APPLICABLE']"));
            assertThat(manJian.getText())
                    .contains("满200减30")
                    .contains("Threshold not met: Spend ¥2.00 more to save ¥30.00");
            assertThat(text(browser, "#sim-lines tbody tr:first-child .sim-allocations"))
                    .contains("限时价 −¥60.00");
            browser.screenshot("simulator-threshold-not-met");

            WebElement quantity =
                    browser.driver().findElement(By.cssSelector("#sim-lines tbody tr:first-child input.sim-qty"));
            quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.TAB);
            wait.until(ExpectedConditions.textToBe(By.id("sim-payable"), "¥297.00"));
            assertThat(text(browser, "#sim-lines tbody tr:first-child .sim-allocations"))
                    .contains("限时价 −¥90.00")
                    .contains("满200减30 −¥30.00");
            assertThat(text(browser, "#sim-candidates")).contains("Applied").contains("Saves ¥30.00");
            assertThat(text(browser, "#sim-totals"))
                    .contains("Order promotions")
                    .contains("Limited-time and member prices");
            browser.screenshot("simulator-applied");

            browser.driver().findElement(By.id("sim-codes")).sendKeys("NOPE-123", Keys.TAB);
            wait.until(d -> d.findElement(By.id("sim-candidates")).getText().contains("Unknown coupon code"));
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1500));
            browser.screenshot("simulator-unknown-code");
        }
    }

    private static void addProduct(Browser browser, String query, String sku) {
        WebElement search = browser.driver().findElement(By.id("sim-search"));
        search.clear();
        search.sendKeys(query);
        By button = By.cssSelector("button.sim-add[data-sku='" + sku + "']");
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(button));
        String before = browser.driver().findElement(By.id("sim-workspace")).getText();
        // the results list is swapped by htmx as the typed query settles: click the current button
        browser.waitUpTo(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(button).click();
                    return true;
                });
        browser.waitUpTo(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("sim-workspace")).getText().equals(before));
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }
}
