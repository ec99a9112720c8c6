package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationContext;

/** Promotion data for tests outside this package (e.g. the tenant isolation fixture). */
public final class PromotionTestData {

    private PromotionTestData() {}

    /** A running automatic campaign "10.00 off" named {@code name}; returns its id. */
    public static long campaign(ApplicationContext context, long tenantId, String name) {
        return context.getBean(CampaignRows.class)
                .insert(CampaignFixtures.automatic(
                        tenantId,
                        name,
                        "AMOUNT_OFF",
                        new PromotionConfig.AmountOff(1_000, 0),
                        Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
    }
}
