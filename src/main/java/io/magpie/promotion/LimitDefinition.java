package io.magpie.promotion;

/** At most {@code maxAmount} of {@code measure} per {@code per} subject per {@code period}. */
public record LimitDefinition(long id, LimitMeasure measure, LimitScope per, LimitPeriod period, long maxAmount) {}
