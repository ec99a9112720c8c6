package io.magpie.promotion.pricing;

import java.util.Map;

/**
 * Per-group caps for combinations, e.g. {@code {store: 1, platform: 1}}; groups not listed are unlimited.
 *
 * @param allowFreeOrder whether discounts may take the goods total to 0.00 (otherwise at least 0.01 stays)
 * @param oneOfferPerLine per-product policy: a line takes at most one offer of each stage (3 and 4);
 *     otherwise a line takes many
 */
public record StackingPolicy(Map<String, Integer> maxPerGroup, boolean allowFreeOrder, boolean oneOfferPerLine) {

    public StackingPolicy {
        maxPerGroup = maxPerGroup == null ? Map.of() : Map.copyOf(maxPerGroup);
    }

    public StackingPolicy(Map<String, Integer> maxPerGroup, boolean allowFreeOrder) {
        this(maxPerGroup, allowFreeOrder, false);
    }

    public static StackingPolicy unlimited() {
        return new StackingPolicy(Map.of(), false);
    }
}
