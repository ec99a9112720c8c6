package io.magpie.promotion.pricing;

/** Mutable working copy of one line while the pipeline runs. */
final class LineState {

    final CartLine line;
    final long floor;
    long current;
    long stageEntry;
    int consumedUnits;
    boolean takenInStage;
    /** Last view handed to a rule ({@link StageContext}); checked against the fields above before reuse. */
    PricedLine view;

    LineState(CartLine line) {
        this.line = line;
        this.floor = line.floorAmount();
        this.current = line.amount();
        this.stageEntry = current;
    }

    LineState(LineState other) {
        this.line = other.line;
        this.floor = other.floor;
        this.current = other.current;
        this.stageEntry = other.stageEntry;
        this.consumedUnits = other.consumedUnits;
        this.takenInStage = other.takenInStage;
        this.view = other.view;
    }

    String id() {
        return line.lineId();
    }

    long room() {
        return Math.max(0, current - floor);
    }

    /** Current amount of unit {@code index}: the line amount split evenly, the first units taking the odd fen. */
    long unitAmount(int index) {
        long q = line.quantity();
        return current / q + (index < current % q ? 1 : 0);
    }

    long unitFloor() {
        return floor / line.quantity();
    }
}
