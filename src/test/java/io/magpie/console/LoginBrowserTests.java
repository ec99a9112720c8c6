package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class LoginBrowserTests {

    @Autowired
    ApplicationContext context;

    @Test
    void ownerLogsInAndSeesTheDashboard() {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        try (Browser browser = Browser.open(base)) {
            browser.go("/login");
            browser.screenshot("login");
            browser.login("owner", "owner-test-password");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));
            browser.screenshot("dashboard");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".mp-page-title"))
                            .getText())
                    .isEqualTo("Dashboard");
        }
    }
}
