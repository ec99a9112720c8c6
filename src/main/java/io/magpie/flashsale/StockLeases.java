package io.magpie.flashsale;

/**
 * Where a node gets the stock it may sell without asking anyone: segments leased from PostgreSQL.
 * One node leases everything that is left; in a cluster each node leases a segment at a time and
 * comes back for more, so the sum sold never exceeds the stock (the item row's check refuses it).
 */
interface StockLeases {

    /** This node's name in the lease table. */
    String nodeId();

    /**
     * Tops this node's lease of the item up from the unleased stock and returns the units the node
     * now holds and those on sale elsewhere (unleased, or leased by other nodes). Runs in its own
     * transaction.
     */
    Lease acquire(long tenantId, long itemId);

    /** This node's units of an item and the units on sale outside this node, read together. */
    record Lease(int held, int elsewhere) {}

    /**
     * Takes more unleased stock (after returns, expiries, or a stock increase) and returns how many
     * units were added to this node's lease.
     */
    int topUp(long tenantId, long itemId);
}
