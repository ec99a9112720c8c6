package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** A shop for the simulator's browser test: 满200减30 over apparel and a limited-time price of 99.00 on SHIRT-M. */
public final class SimulatorSetup {

    private SimulatorSetup() {}

    public static long shopWithManJianAndLimitedTimePrice(ApplicationContext context) {
        var f = EvaluateFixture.create(context);
        f.campaign(TestCampaign.automatic(
                        f.tenantId,
                        "满200减30",
                        "THRESHOLD_AMOUNT_OFF",
                        new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20000, 3000))),
                        EvaluateFixture.START)
                .scope(Scope.categories("apparel")));
        f.campaign(TestCampaign.automatic(
                        f.tenantId,
                        "限时价",
                        "LIMITED_TIME_PRICE",
                        PriceOff.perSku(Map.of("SHIRT-M", 9900L)),
                        EvaluateFixture.START)
                .scope(Scope.skus("SHIRT-M")));
        return f.tenantId;
    }
}
