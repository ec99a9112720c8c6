package io.magpie.flashsale;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's sale in this node's memory: the only place a reservation is decided. Built from the
 * database (the truth) when the session is first touched; thrown away and rebuilt whenever it may
 * have drifted from it.
 */
final class SessionLedger {

    final long tenantId;
    final long sessionId;
    final int version;
    final SessionStatus status;
    final Instant startsAt;
    final Instant endsAt;
    final Integer sessionLimit;
    /** Whether every reservation must carry a purchase token signed with {@link #tokenSecret}. */
    final boolean purchaseTokenRequired;

    final byte[] tokenSecret;
    /** nanoTime when built from the database; only figures read after it may update it. */
    final long loadedAt;

    final Map<Long, ItemLedger> items;
    final Holdings sessionHoldings = new Holdings();
    final SaleStats stats = new SaleStats();
    /** Idempotency-Key → the reservation it made (or is making), for replays. */
    final ConcurrentHashMap<String, Keyed> keys = new ConcurrentHashMap<>();

    /** The request a key was first used with and the id of the reservation it produced. */
    record Keyed(long itemId, String customerId, int quantity, String orderId, CompletableFuture<Long> reservationId) {

        boolean sameRequest(long item, String customer, int qty, String order) {
            return itemId == item
                    && customerId.equals(customer)
                    && quantity == qty
                    && java.util.Objects.equals(orderId, order);
        }
    }

    SessionLedger(
            long tenantId,
            long sessionId,
            int version,
            SessionStatus status,
            Instant startsAt,
            Instant endsAt,
            Integer sessionLimit,
            boolean purchaseTokenRequired,
            byte[] tokenSecret,
            Map<Long, ItemLedger> items,
            long loadedAt) {
        this.purchaseTokenRequired = purchaseTokenRequired;
        this.tokenSecret = tokenSecret;
        this.loadedAt = loadedAt;
        this.tenantId = tenantId;
        this.sessionId = sessionId;
        this.version = version;
        this.status = status;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.sessionLimit = sessionLimit;
        this.items = Map.copyOf(items);
    }

    /**
     * Decides one reservation: takes the customer's allowance and the stock, or nothing. Returns
     * {@code null} when accepted, otherwise why not. The cheap sold-out read comes first because
     * after the last unit almost every request is one.
     */
    Refusal take(ItemLedger item, String customer, int quantity, Instant now) {
        if (status == SessionStatus.CANCELLED || !now.isBefore(endsAt)) {
            return Refusal.ENDED;
        }
        if (now.isBefore(startsAt)) {
            return Refusal.NOT_STARTED;
        }
        if (item.available() < quantity) {
            return Refusal.SOLD_OUT;
        }
        if (quantity > item.limit || !item.holdings.tryAdd(customer, quantity, item.limit)) {
            return Refusal.LIMIT_REACHED;
        }
        if (sessionLimit != null && !sessionHoldings.tryAdd(customer, quantity, sessionLimit)) {
            item.holdings.remove(customer, quantity);
            return Refusal.LIMIT_REACHED;
        }
        if (!item.takeStock(quantity)) {
            item.holdings.remove(customer, quantity);
            if (sessionLimit != null) {
                sessionHoldings.remove(customer, quantity);
            }
            return Refusal.SOLD_OUT;
        }
        return null;
    }

    /** Undoes {@link #take}: for a reservation that was never written, or one cancelled or expired. */
    void giveBack(ItemLedger item, String customer, int quantity, boolean stockToThisNode) {
        if (stockToThisNode) {
            item.returnStock(quantity);
        }
        item.holdings.remove(customer, quantity);
        if (sessionLimit != null) {
            sessionHoldings.remove(customer, quantity);
        }
    }
}
