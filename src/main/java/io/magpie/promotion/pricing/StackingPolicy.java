package io.magpie.promotion.pricing;

import java.util.Map;

/**
 * Per-group caps for combinations, e.g. {@code {store: 1, platform: 1}}; groups not listed are unlimited.
 *
 * @param allowFreeOrder whether discounts may take the goods total to 0.00 (otherwise at least 0.01 stays)
 */
public record StackingPolicy(Map<String, Integer> maxPerGroup, boolean allowFreeOrder) {

    public StackingPolicy {
        maxPerGroup = maxPerGroup == null ? Map.of() : Map.copyOf(maxPerGroup);
    }

    public static StackingPolicy unlimited() {
        return new StackingPolicy(Map.of(), false);
    }
}
