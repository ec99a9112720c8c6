package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.Scope;
import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** Campaigns of tenant A for the tenant isolation test (which lives outside this package). */
public final class TenantACampaigns {

    private TenantACampaigns() {}

    /** A running 10% off over everything named {@code name}; returns its id. */
    public static long percentOff(ApplicationContext context, long tenantId, String name) {
        long id = context.getBean(CampaignRows.class)
                .insert(TestCampaign.automatic(
                                tenantId,
                                name,
                                "PERCENT_OFF",
                                new PromotionConfig.PercentOff(1000, null, 0),
                                Instant.parse("2020-01-01T00:00:00Z"))
                        .scope(Scope.all())
                        .build());
        context.getBean(LiveCampaigns.class).refresh(tenantId);
        return id;
    }
}
