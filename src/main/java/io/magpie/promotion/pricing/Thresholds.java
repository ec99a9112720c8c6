package io.magpie.promotion.pricing;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.util.List;

/** Measuring eligible lines against inclusive thresholds, on the amounts the stage started with. */
final class Thresholds {

    private Thresholds() {}

    static long measure(Basis basis, List<PricedLine> lines) {
        return basis == Basis.ITEMS ? StageContext.quantity(lines) : StageContext.entryAmount(lines);
    }

    static Effect notMet(Basis basis, long threshold, long measured, long wouldSave) {
        return Effect.notApplicable(ReasonCode.THRESHOLD_NOT_MET, new Nudge(basis, threshold - measured, wouldSave));
    }
}
