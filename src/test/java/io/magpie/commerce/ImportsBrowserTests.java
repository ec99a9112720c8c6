package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Browser;
import io.magpie.platform.MagpieIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class ImportsBrowserTests {

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    private String base() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** 1,000 products with three SKUs each: 3,000 data rows. */
    private Path productsFile(String prefix, String badPrice) throws IOException {
        StringBuilder csv = new StringBuilder("product_code,product_name,sku,sku_name,price,list_price,status\r\n");
        for (int i = 0; i < 1000; i++) {
            for (String size : new String[] {"S", "M", "L"}) {
                String price = i == 700 && size.equals("M") && badPrice != null ? badPrice : (i % 90 + 1) + ".99";
                csv.append(prefix)
                        .append(i)
                        .append(",\"Tea ")
                        .append(i)
                        .append(", loose\",")
                        .append(prefix)
                        .append(i)
                        .append('-')
                        .append(size)
                        .append(',')
                        .append(size)
                        .append(',')
                        .append(price)
                        .append(",,ACTIVE\r\n");
            }
        }
        Path file = dir.resolve(prefix + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private long skus(String prefix) {
        return jdbc(context)
                .sql("select count(*) from commerce_sku where code like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
    }

    private void upload(Browser browser, Path file) {
        browser.go("/imports");
        new Select(browser.driver().findElement(By.id("import-kind"))).selectByValue("products");
        browser.driver()
                .findElement(By.id("import-file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.driver()
                .findElement(By.cssSelector("#import-form button[type=submit]"))
                .click();
    }

    @Test
    void ownerImportsThreeThousandRowsAndWatchesTheProgressBar() throws IOException {
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        Path file = productsFile(prefix, null);
        try (Browser browser = Browser.open(base())) {
            browser.login("owner", "owner-test-password");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));
            browser.go("/imports");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("a.mp-nav-link.active"))
                            .getText())
                    .isEqualTo("Imports");
            browser.screenshot("imports-page");

            upload(browser, file);

            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/imports/jobs/"));
            List<String> seen = new ArrayList<>();
            browser.waitUpTo(Duration.ofSeconds(60)).until(d -> {
                WebElement bar = d.findElement(By.id("import-progress"));
                seen.add(bar.getText());
                return d.findElement(By.id("import-job"))
                        .getAttribute("data-status")
                        .equals("SUCCEEDED");
            });
            WebElement bar = browser.driver().findElement(By.id("import-progress"));
            WebElement track = browser.driver().findElement(By.cssSelector("#import-job .progress"));
            // the bar's width animates; wait for it to fill the track before the screenshot
            browser.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> bar.getSize().getWidth() >= track.getSize().getWidth() - 2);
            assertThat(bar.getText()).isEqualTo("100%");
            assertThat(bar.getAttribute("style")).contains("width: 100%");
            assertThat(browser.driver().findElement(By.id("import-result")).getText())
                    .contains("Import finished.")
                    .contains("3,000 row(s) imported");
            assertThat(browser.driver().findElement(By.id("import-counts")).getText())
                    .isEqualTo("3,000 of 3,000 rows written");
            // a finished job stops polling
            assertThat(browser.driver().findElement(By.id("import-job")).getAttribute("hx-trigger"))
                    .isNull();
            assertThat(seen).last().isEqualTo("100%");
            browser.waitUpTo(Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.id("import-jobs")).getText().contains("Succeeded"));
            assertThat(browser.driver().findElement(By.id("import-jobs")).getText())
                    .contains("3000 / 3000");
            browser.screenshot("imports-succeeded");
        }
        assertThat(skus(prefix)).isEqualTo(3000);
    }

    @Test
    void aFileWithABadRowShowsTheErrorTableAndImportsNothing() throws IOException {
        String prefix = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        Path file = productsFile(prefix, "1.999");
        try (Browser browser = Browser.open(base())) {
            browser.login("owner", "owner-test-password");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mp-page-title")));

            upload(browser, file);

            browser.waitUpTo(Duration.ofSeconds(60))
                    .until(d ->
                            "FAILED".equals(d.findElement(By.id("import-job")).getAttribute("data-status")));
            String table = browser.driver().findElement(By.id("import-errors")).getText();
            assertThat(table).contains("2102").contains("price").contains("1.999");
            assertThat(browser.driver().findElement(By.id("import-result")).getText())
                    .contains("Import failed.")
                    .contains("nothing was imported");
            assertThat(browser.driver().findElement(By.id("import-counts")).getText())
                    .isEqualTo("3,000 rows checked");
            browser.screenshot("imports-failed");

            String href = browser.driver()
                    .findElement(By.id("import-errors-download"))
                    .getAttribute("href");
            Object report = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text()).then(done);",
                            href);
            assertThat((String) report).contains("row,column,message").contains("2102,price,");
        }
        assertThat(skus(prefix)).isZero();
    }
}
