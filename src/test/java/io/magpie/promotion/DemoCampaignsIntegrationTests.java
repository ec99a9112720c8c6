package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.Tenants;
import io.magpie.tenant.TestTenants;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo shop's campaigns load, read back intact, and show the states an operator expects. */
@MagpieIntegrationTest
class DemoCampaignsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CampaignRows rows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneCampaignOfEachCommonKindRunsAndTheDouble12DraftWaits() {
        long tenant = TestTenants.create(context).id();
        Clock clock = context.getBean(Clock.class);
        new DemoCampaigns(
                        context.getBean(Tenants.class),
                        rows,
                        context.getBean(Limits.class),
                        jdbc,
                        context.getBean(TransactionTemplate.class),
                        clock)
                .load(context.getBean(Tenants.class).get(tenant));

        List<Long> ids = jdbc.sql("select id from promotion_campaign where tenant_id = ? order by id")
                .param(tenant)
                .query(Long.class)
                .list();
        List<Campaign> campaigns =
                ids.stream().map(id -> rows.find(tenant, id).orElseThrow()).toList();

        assertThat(campaigns).hasSize(13);
        assertThat(campaigns)
                .filteredOn(c -> c.state(clock.instant()) == CampaignState.RUNNING)
                .hasSize(12);
        assertThat(campaigns)
                .filteredOn(c -> c.state(clock.instant()) == CampaignState.DRAFT)
                .extracting(Campaign::ruleType)
                .containsExactly("EVERY_AMOUNT_OFF");
        assertThat(campaigns)
                .filteredOn(c -> c.kind() == CampaignKind.COUPON)
                .extracting(Campaign::ruleType)
                .containsExactly("COUPON_THRESHOLD", "COUPON_PERCENT", "CASH_VOUCHER", "COUPON_FREE_SHIPPING");
        assertThat(rows.limits(tenant, ids.get(0))).hasSize(2);
    }
}
