package io.magpie.promotion;

/** The answer of {@link LimitCounters#tryConsume}: consumed (now or by an earlier try) or refused. */
public record LimitDecision(Outcome outcome, long remaining) {

    /** Why the amount counts or not. */
    public enum Outcome {
        CONSUMED,
        /** The operation id had already consumed this limit; nothing was counted again. */
        ALREADY_CONSUMED,
        REFUSED
    }

    public boolean consumed() {
        return outcome != Outcome.REFUSED;
    }
}
