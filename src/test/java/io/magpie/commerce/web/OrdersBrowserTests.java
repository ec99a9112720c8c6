package io.magpie.commerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.CommerceSeed;
import io.magpie.console.DemoShop;
import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class OrdersBrowserTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void searchAnOrderAndOpenIt() {
        long tenant = TestTenants.create(context).id();
        String user = TestTenants.user(context, tenant, "browser-password", "ANALYST");
        DemoShop.fill(CommerceSeed.of(context, tenant), clock.instant());
        String wanted = context.getBean(JdbcClient.class)
                .sql("select order_no from commerce_order where tenant_id = ? and status = 'PARTIALLY_REFUNDED'"
                        + " order by id limit 1")
                .param(tenant)
                .query(String.class)
                .single();
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

        try (Browser browser = Browser.open(base)) {
            browser.login(user, "browser-password");
            var wait = browser.waitUpTo(Duration.ofSeconds(15));
            browser.go("/orders");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orders-table")));
            assertThat(browser.driver().findElements(By.cssSelector("#orders-table tbody tr")))
                    .hasSize(50);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-nav-link.active"))
                            .getText())
                    .isEqualTo("Orders");
            browser.screenshot("orders-en");

            browser.driver().findElement(By.id("order-search")).sendKeys(wanted);
            wait.until(d ->
                    d.findElements(By.cssSelector("#orders-table tbody tr")).size() == 1);
            assertThat(browser.driver().getCurrentUrl()).contains("q=" + wanted);
            browser.screenshot("orders-search");

            browser.driver().findElement(By.linkText(wanted)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .contains(wanted, "Partially refunded");
            assertThat(browser.driver().findElement(By.id("order-refunds")).getText())
                    .contains("RF");
            browser.screenshot("order-detail-en");

            browser.go("/orders?lang=zh-CN");
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".mp-page-title"), "订单"));
            browser.screenshot("orders-zh");
            browser.driver()
                    .findElement(By.cssSelector("#orders-table tbody tr a.mp-row-link"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-timeline")));
            browser.screenshot("order-detail-zh");

            browser.go("/customers");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customers-table")));
            browser.screenshot("customers-zh");
            browser.driver()
                    .findElement(By.cssSelector("#customers-table tbody tr a.mp-row-link"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-profile")));
            browser.screenshot("customer-detail-zh");

            browser.go("/products?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("products-table")));
            browser.screenshot("products-en");
            browser.driver()
                    .findElement(By.cssSelector("#products-table tbody tr a.mp-row-link"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("product-skus")));
            browser.screenshot("product-detail-en");
            browser.go("/customers");
            browser.driver()
                    .findElement(By.cssSelector("#customers-table tbody tr a.mp-row-link"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("customer-profile")));
            browser.screenshot("customer-detail-en");

            browser.go("/orders/999999999");
            browser.screenshot("not-found-en");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-error-title"))
                            .getText())
                    .isEqualTo("Page not found");
        }
    }
}
