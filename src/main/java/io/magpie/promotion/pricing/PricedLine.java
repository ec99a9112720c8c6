package io.magpie.promotion.pricing;

/**
 * What a rule sees of a line in its stage.
 *
 * @param current the line amount now (after earlier discounts of this stage)
 * @param stageEntry the line amount when the stage began (thresholds are measured on this)
 * @param availableUnits units not yet used by a unit-set offer (buy X get Y, N for a price) in this stage
 */
public record PricedLine(CartLine line, long current, long stageEntry, long room, int availableUnits) {

    public String lineId() {
        return line.lineId();
    }
}
