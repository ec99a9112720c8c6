package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import io.magpie.promotion.Campaign.Schedule;
import io.magpie.promotion.Campaign.Window;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.Scope;
import io.magpie.tenant.TestTenants;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A campaign survives the round trip through PostgreSQL with every part intact. */
@MagpieIntegrationTest
class CampaignRowsIntegrationTests {

    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    CampaignRows rows;

    @Test
    void everyFieldRoundTrips() {
        long tenant = TestTenants.create(context).id();
        Campaign base = CampaignFixtures.automatic(
                tenant,
                "Double 11",
                "THRESHOLD_AMOUNT_OFF",
                new PromotionConfig.TieredAmountOff(
                        Basis.AMOUNT, List.of(new AmountTier(30000, 5000), new AmountTier(10000, 1000))),
                START);
        Campaign full = new Campaign(
                0,
                tenant,
                base.name(),
                "spend more, save more",
                base.kind(),
                base.ruleType(),
                base.config(),
                CampaignStatus.DRAFT,
                7,
                base.stacking(),
                "store",
                base.percentBase(),
                new Schedule(
                        START,
                        START.plusSeconds(86_400 * 30),
                        CampaignFixtures.SHANGHAI,
                        List.of(new Window(
                                Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                                LocalTime.of(20, 0),
                                LocalTime.of(2, 0)))),
                new Audience(
                        Audience.Kind.CONDITIONS,
                        List.of(new Condition("city", Condition.Operator.IN, List.of("Shanghai", "Hangzhou"))),
                        null,
                        null),
                new Scope(Set.of("SKU-1"), Set.of("shoes"), Set.of(), Set.of("SKU-9"), Set.of(), Set.of("acme")),
                Set.of("GOLD"),
                Set.of("app"),
                Set.of("SH-01"),
                RefundPolicy.REVERT,
                null,
                0,
                1,
                "owner",
                START,
                START);

        long id = rows.insert(full);
        Campaign read = rows.find(tenant, id).orElseThrow();

        assertThat(read.id()).isEqualTo(id);
        assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(full);
        assertThat(RuleConfigs.write(read.ruleType(), read.config()).toString())
                .isEqualTo("{\"basis\":\"AMOUNT\",\"tiers\":[{\"threshold\":10000,\"amount_off\":1000},"
                        + "{\"threshold\":30000,\"amount_off\":5000}]}");
    }

    @Test
    void anotherTenantCannotFindIt() {
        long tenant = TestTenants.create(context).id();
        long other = TestTenants.create(context).id();
        long id = rows.insert(CampaignFixtures.automatic(
                tenant, "Mine", "PERCENT_OFF", new PromotionConfig.PercentOff(1000, null, 0), START));

        assertThat(rows.find(other, id)).isEmpty();
        assertThat(rows.live(tenant, START)).extracting(Campaign::id).containsExactly(id);
        assertThat(rows.live(other, START)).isEmpty();
    }
}
