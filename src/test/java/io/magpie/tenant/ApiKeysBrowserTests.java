package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ApiKeysBrowserTests {

    @Autowired
    ApplicationContext context;

    @Test
    void ownerCreatesAKeySeesTheSecretOnceAndRevokesIt() {
        var api = Api.of(context);
        String name = "Browser key " + System.nanoTime();
        try (Browser browser = Browser.open(api.base())) {
            browser.login("owner", "owner-test-password");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));
            browser.go("/settings/api-keys");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("create-key-form")));
            browser.screenshot("tenant-api-keys");

            browser.driver().findElement(By.id("key-name")).sendKeys(name);
            browser.driver().findElement(By.id("scope-orders")).click();
            browser.driver()
                    .findElement(By.cssSelector("#create-key-form button[type=submit]"))
                    .click();

            WebElement secret = browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key-secret")));
            String key = secret.getDomProperty("value");
            assertThat(key).startsWith("mk_").hasSizeGreaterThan(40);
            assertThat(browser.driver().findElement(By.id("new-key")).getText()).contains("shown only this once");
            browser.driver().findElement(By.id("copy-key")).click();
            browser.screenshot("tenant-api-key-created");
            var hello = api.get("/api/v1/hello", key);
            assertThat(hello.status()).isEqualTo(200);

            WebElement row = browser.driver()
                    .findElement(By.xpath("//table[@id='keys-table']//tr[.//div[text()='" + name + "']]"));
            assertThat(row.getText()).contains("orders").contains("read").contains("active");
            row.findElement(By.cssSelector("button.btn-outline-danger")).click();
            browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            browser.driver().switchTo().alert().accept();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-key-secret")));
            browser.screenshot("tenant-api-key-revoked");

            assertThat(api.get("/api/v1/hello", key).status()).isEqualTo(401);
        }
    }

    @Test
    void ownerSeesUsersAndTheAuditLogInChinese() {
        var api = Api.of(context);
        long shop = context.getBean(Tenants.class).all().get(0).id();
        String key = TestTenants.apiKey(context, shop, "admin");
        String username = UsersApiIntegrationTests.unique("zh");
        long user = UsersApiIntegrationTests.createUser(api, key, username, "OPERATOR");
        api.post("/api/v1/users/" + user, key, "{\"role\": \"ANALYST\", \"display_name\": \"李娜\"}");
        try (Browser browser = Browser.open(api.base())) {
            browser.login("owner", "owner-test-password");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));
            browser.go("/settings/users?lang=zh-CN");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .isEqualTo("用户");
            browser.driver()
                    .findElement(By.cssSelector("#users-table button.btn-outline-secondary"))
                    .click();
            browser.screenshot("tenant-users-zh");
            browser.go("/settings/audit-log");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .isEqualTo("审计日志");
            browser.screenshot("tenant-audit-log-zh");
        }
    }
}
