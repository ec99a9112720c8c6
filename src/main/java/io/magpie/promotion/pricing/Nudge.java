package io.magpie.promotion.pricing;

/**
 * "Spend 12.00 more to save 20.00" as data.
 *
 * @param shortfall how much more is needed, in fen or in units (see {@code basis})
 * @param wouldSave what the next tier would save, in fen (an estimate on today's cart)
 */
public record Nudge(PromotionConfig.Basis basis, long shortfall, long wouldSave) {}
