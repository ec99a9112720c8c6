package io.magpie.flashsale;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where a node gets the stock it may sell without asking anyone: segments leased from PostgreSQL.
 * One node leases everything that is left; in a cluster each node leases a segment at a time and
 * comes back for more, so the sum sold never exceeds the stock (the item row's check refuses it).
 * Leases of a node that stops renewing them are reclaimed by the others; units a node holds but does
 * not sell are handed back when another node asks for them.
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
     * units were added to this node's lease. When there is none while other nodes hold unsold units,
     * records that this node wants some ({@link #demand}).
     */
    int topUp(long tenantId, long itemId);

    /**
     * Hands {@code units} of this node's lease of the item back to the unleased stock, in one
     * transaction. False (and nothing moved) when this node has no lease of the item any more (it
     * was reclaimed) or holds fewer units than that.
     */
    boolean release(long itemId, int units);

    /**
     * The heartbeat: renews this node's leases that hold units and those of {@code items}, and
     * returns the items this node still has a lease row for.
     */
    Set<Long> renew(Collection<Long> items);

    /**
     * Returns the units of leases not renewed for the lease time-to-live (their node is dead) to the
     * unleased stock; one transaction per lease. Returns the leases reclaimed.
     */
    List<Reclaimed> reclaimExpired();

    record Reclaimed(long itemId, String nodeId, int units) {}

    /**
     * Items this node holds units of (in the database) that another node asked for since
     * {@code since}, with the latest time one asked.
     */
    List<Demand> demand(Instant since);

    record Demand(long itemId, Instant wantedAt, int held) {}
}
