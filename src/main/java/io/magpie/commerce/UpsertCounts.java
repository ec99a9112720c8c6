package io.magpie.commerce;

/** How many rows a bulk upsert created and how many it replaced. */
record UpsertCounts(long created, long updated) {

    static final UpsertCounts NONE = new UpsertCounts(0, 0);

    UpsertCounts plus(UpsertCounts other) {
        return new UpsertCounts(created + other.created, updated + other.updated);
    }
}
