package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An operator builds promotions in the console's builder, fixes a mistake, publishes, and sees them run. */
@MagpieIntegrationTest
class CampaignBuilderBrowserTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    private String base() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static WebElement field(Browser b, String path) {
        return b.driver().findElements(By.cssSelector("[data-path='" + path + "']")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> {
                    b.screenshot("campaign-builder-missing-input");
                    dump(b);
                    return new AssertionError(
                            "no visible input for " + path + " on " + b.driver().getCurrentUrl());
                });
    }

    private static void dump(Browser b) {
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target", "screenshots", "campaign-builder-page.html"),
                    b.driver().getPageSource());
            var logs = b.driver().manage().logs().get("browser");
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target", "screenshots", "campaign-builder-console.txt"),
                    logs.getAll().toString());
        } catch (Exception e) {
            // diagnostics only
        }
    }

    /** A screenshot of the whole page: the window grows to the page's height for it. */
    private static void fullPage(Browser b, String name) {
        var window = b.driver().manage().window();
        var size = window.getSize();
        Number height = (Number) ((JavascriptExecutor) b.driver()).executeScript("return document.body.scrollHeight");
        window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), height.intValue() + 160));
        b.screenshot(name);
        window.setSize(size);
    }

    private static void type(Browser b, String path, String text) {
        WebElement input = field(b, path);
        input.clear();
        input.sendKeys(text);
    }

    private static String error(Browser b, String path) {
        return b.driver()
                .findElement(By.cssSelector("[data-error-for='" + path + "']"))
                .getText();
    }

    private static void click(Browser b, String css) {
        WebElement e = b.driver().findElement(By.cssSelector(css));
        // a script click: the builder's sticky footer may cover the element in a small viewport
        ((JavascriptExecutor) b.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", e);
    }

    private Browser login() {
        Browser b = Browser.open(base());
        b.login("owner", "owner-test-password");
        b.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));
        return b;
    }

    private long campaignId(String name) {
        return jdbc.sql("select id from promotion_campaign where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long tenantOf(long campaignId) {
        return jdbc.sql("select tenant_id from promotion_campaign where id = ?")
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    @Test
    void anOperatorBuildsATwoTierSpendAndSaveWithABudgetFixesAMistakeAndPublishesIt() {
        String name = "Double 11 满减 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser b = login()) {
            b.go("/campaigns");
            assertThat(b.driver()
                            .findElement(By.cssSelector("a.mp-nav-link.active"))
                            .getText())
                    .isEqualTo("Promotions");
            click(b, "#new-campaign");
            b.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/campaigns/new"));

            type(b, "name", name);
            click(b, "[data-type='THRESHOLD_AMOUNT_OFF']");
            type(b, "config.tiers[0].threshold", "100");
            type(b, "config.tiers[0].amount_off", "10");
            click(b, "#add-tier");
            type(b, "config.tiers[1].threshold", "200");
            type(b, "config.tiers[1].amount_off", "300"); // the mistake: more than the threshold
            click(b, "#add-budget");
            type(b, "limits[0].max", "5000.00");
            b.screenshot("campaign-builder-filled");
            click(b, "#builder-save");

            b.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("builder-errors")));
            b.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> !error(b, "config.tiers[1].amount_off").isEmpty());
            assertThat(error(b, "config.tiers[1].amount_off")).isEqualTo("Cannot take off more than the threshold.");
            assertThat(field(b, "config.tiers[1].amount_off").getAttribute("class"))
                    .contains("is-invalid");
            // what the user typed is still there
            assertThat(field(b, "name").getAttribute("value")).isEqualTo(name);
            assertThat(field(b, "config.tiers[0].threshold").getAttribute("value"))
                    .isEqualTo("100");
            assertThat(field(b, "limits[0].max").getAttribute("value")).isEqualTo("5000.00");
            assertThat(b.driver()
                            .findElement(By.cssSelector("a.mp-step.has-error"))
                            .getText())
                    .contains("Rule settings");
            b.screenshot("campaign-builder-error");
            assertThat(jdbc.sql("select count(*) from promotion_campaign where name = ?")
                            .param(name)
                            .query(Long.class)
                            .single())
                    .isZero();

            type(b, "config.tiers[1].amount_off", "30");
            assertThat(error(b, "config.tiers[1].amount_off"))
                    .as("the message goes once fixed")
                    .isEmpty();
            click(b, "#builder-save");

            b.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-notice")));
            assertThat(b.driver().findElement(By.id("campaign-notice")).getText())
                    .isEqualTo("The promotion was saved as a draft.");
            assertThat(b.driver().findElement(By.id("detail-tiers")).getText())
                    .contains("Spend ¥100.00")
                    .contains("Save ¥10.00")
                    .contains("Spend ¥200.00")
                    .contains("Save ¥30.00");
            assertThat(b.driver().findElement(By.id("detail-limits")).getText()).contains("¥0.00 used of ¥5,000.00");
            click(b, "#campaign-publish");
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d ->
                            d.findElement(By.id("campaign-notice")).getText().equals("The promotion was published."));
            assertThat(b.driver()
                            .findElement(By.cssSelector(".mp-page-title .mp-badge"))
                            .getText())
                    .isEqualTo("Running");
            b.screenshot("campaign-detail-running");

            b.go("/campaigns");
            WebElement search = b.driver().findElement(By.id("campaign-search"));
            search.sendKeys(name.substring(name.length() - 6));
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#campaigns-table tbody tr"))
                                    .size()
                            == 1);
            WebElement row = b.driver().findElement(By.cssSelector("#campaigns-table tbody tr"));
            assertThat(row.getText()).contains(name).contains("Running").contains("Spend and save");
            b.go("/campaigns");
            b.screenshot("campaign-list");

            // the shop's stacking policy, next to the campaigns whose stack groups it caps
            b.go("/promotions/stacking");
            WebElement firstGroup =
                    b.driver().findElement(By.cssSelector("#stacking-caps tbody tr:first-child input[name=group]"));
            firstGroup.clear();
            firstGroup.sendKeys("store");
            WebElement firstCap =
                    b.driver().findElement(By.cssSelector("#stacking-caps tbody tr:first-child input[name=cap]"));
            firstCap.clear();
            firstCap.sendKeys("1");
            click(b, "#stacking-form button[type=submit]");
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("stacking-saved")).isEmpty());
            assertThat(b.driver().findElement(By.id("stacking-saved")).getText())
                    .contains("Stacking saved");
            b.screenshot("promotion-stacking");
            // clear it again: other tests price carts for this tenant
            b.driver()
                    .findElement(By.cssSelector("#stacking-caps tbody tr:first-child input[name=group]"))
                    .clear();
            b.driver()
                    .findElement(By.cssSelector("#stacking-caps tbody tr:first-child input[name=cap]"))
                    .clear();
            click(b, "#stacking-form button[type=submit]");
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("stacking-saved")).isEmpty()
                            && d.findElement(By.cssSelector("#stacking-caps tbody tr:first-child input[name=group]"))
                                    .getAttribute("value")
                                    .isEmpty());
            b.go("/campaigns");

            // the builder in Chinese, for a coupon template
            click(b, "#mp-lang-toggle");
            click(b, "button[name=lang][value=zh-CN]");
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector(".mp-page-title"))
                            .getText()
                            .equals("促销活动"));
            b.go("/campaigns/new?kind=COUPON");
            click(b, "[data-type='COUPON_PERCENT']");
            type(b, "config.percent_off_bp", "15");
            assertThat(b.driver().findElement(By.cssSelector("#step-rule")).getText())
                    .contains("即 8.5折");
            fullPage(b, "campaign-builder-coupon-zh");
        }
        long id = campaignId(name);
        CampaignView saved = campaigns.get(tenantOf(id), id);
        assertThat(saved.state()).isEqualTo(CampaignState.RUNNING);
        assertThat(saved.config().get("tiers").toString())
                .isEqualTo("[{\"threshold\":10000,\"amount_off\":1000},{\"threshold\":20000,\"amount_off\":3000}]");
        assertThat(saved.limits()).singleElement().satisfies(l -> {
            assertThat(l.measure()).isEqualTo(LimitMeasure.DISCOUNT_AMOUNT);
            assertThat(l.per()).isEqualTo(LimitScope.CAMPAIGN);
            assertThat(l.max()).isEqualTo(500_000);
        });
    }

    @Test
    void anOperatorBuildsALimitedTimePriceWithPerSkuPricesAndAWeekendWindow() {
        String name = "限时折扣 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser b = login()) {
            b.go("/campaigns/new");
            type(b, "name", name);
            click(b, "[data-type='LIMITED_TIME_PRICE']");
            type(b, "config.sku_prices[0].sku", "TEA-100G");
            type(b, "config.sku_prices[0].price", "39.9");
            click(b, "#add-sku-price");
            type(b, "config.sku_prices[1].sku", "TEA-250G");
            type(b, "config.sku_prices[1].price", "89.90");
            click(b, "#add-window");
            click(b, "#step-schedule .mp-window .mp-day:nth-child(6) span");
            click(b, "#step-schedule .mp-window .mp-day:nth-child(7) span");
            click(b, "#audience-CONDITIONS");
            click(b, "#step-audience button.btn-light");
            type(b, "audience.conditions[0].attribute", "city");
            type(b, "audience.conditions[0].values", "Shanghai");
            b.screenshot("campaign-builder-limited-time");
            fullPage(b, "campaign-builder-limited-time-full");
            click(b, "#builder-save");

            b.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-notice")));
            assertThat(b.driver().findElement(By.id("detail-sku-prices")).getText())
                    .contains("TEA-100G")
                    .contains("¥39.90")
                    .contains("¥89.90");
            assertThat(b.driver().findElement(By.id("detail-schedule")).getText())
                    .contains("Sat")
                    .contains("Sun")
                    .contains("20:00–22:00");
            b.screenshot("campaign-detail-limited-time");

            // edit: the builder comes back with the stored values in console units
            click(b, "#campaign-edit");
            b.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/edit"));
            assertThat(field(b, "config.sku_prices[0].price").getAttribute("value"))
                    .isEqualTo("39.90");
            type(b, "config.sku_prices[0].price", "35");
            click(b, "#builder-save");
            b.waitUpTo(Duration.ofSeconds(10))
                    .until(d ->
                            d.findElement(By.id("campaign-notice")).getText().equals("Your changes were saved."));
        }
        long id = campaignId(name);
        CampaignView saved = campaigns.get(tenantOf(id), id);
        JsonNode prices = saved.config().get("sku_prices");
        assertThat(prices.get("TEA-100G").asLong()).isEqualTo(3500);
        assertThat(prices.get("TEA-250G").asLong()).isEqualTo(8990);
        assertThat(saved.schedule().windows())
                .singleElement()
                .satisfies(w -> assertThat(w.days().toString()).isEqualTo("[SATURDAY, SUNDAY]"));
        assertThat(saved.audience().conditions())
                .singleElement()
                .satisfies(c -> assertThat(c.values()).containsExactly("Shanghai"));
        assertThat(saved.version()).isEqualTo(2);
    }
}
