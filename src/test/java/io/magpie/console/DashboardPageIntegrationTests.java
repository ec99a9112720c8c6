package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.commerce.CommerceSeed;
import io.magpie.console.ConsoleSession.Page;
import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@MagpieIntegrationTest
class DashboardPageIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void ownerSeesKpisChartDataAndRankings() {
        long tenant = context.getBean(JdbcClient.class)
                .sql("select tenant_id from tenant_user where username = 'owner'")
                .query(Long.class)
                .single();
        CommerceSeed seed = CommerceSeed.of(context, tenant);
        var sku = seed.sku(
                seed.product("DASH-1", "Dashboard Tee", seed.category("dash", "Dash Wear", null), null),
                "DASH-1-S",
                "S",
                123456,
                null);
        seed.order("DASH-ORDER-1")
                .at(clock.instant().minus(Duration.ofHours(1)))
                .line(sku, 1, 123456)
                .create();

        ConsoleSession owner = ConsoleSession.login(context, "owner", "owner-test-password");
        Page page = owner.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Dashboard", "Paid orders", "Average order value", "¥1,234.56")
                .contains("Dashboard Tee", "Dash Wear")
                .contains("id=\"mp-daily-chart\"", "/dist/echarts.min.js")
                .contains("\"days\":[", "1234.56")
                .contains("How figures are counted", "Partially refunded or Refunded");
        String echarts = page.body().replaceAll("(?s).*src=\"([^\"]*echarts\\.min\\.js)\".*", "$1");
        assertThat(owner.get(echarts).status()).as(echarts).isEqualTo(200);
    }

    @Test
    void aNewShopSeesZerosAndEmptyStates() {
        long tenant = TestTenants.create(context).id();
        String user = TestTenants.user(context, tenant, "dash-password", "ANALYST");

        Page page = ConsoleSession.login(context, user, "dash-password").get("/?lang=zh-CN");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("仪表盘", "¥0.00", "最近 30 天暂无订单。", "客单价");
    }
}
