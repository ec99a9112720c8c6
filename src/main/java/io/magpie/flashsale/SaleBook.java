package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sessions this node holds in memory, each built from the database when first touched (and
 * rebuilt after it is evicted): its items with the stock this node leased, the units each customer
 * holds, and the Idempotency-Keys already used.
 */
@Component
class SaleBook {

    private final ConcurrentHashMap<Long, SessionLedger> ledgers = new ConcurrentHashMap<>();
    private final FlashSaleRows sessions;
    private final ReservationRows reservations;
    private final StockLeases leases;

    SaleBook(FlashSaleRows sessions, ReservationRows reservations, StockLeases leases) {
        this.sessions = sessions;
        this.reservations = reservations;
        this.leases = leases;
    }

    /** The tenant's session in memory, loaded if needed; 404 when it is not the tenant's or a draft. */
    SessionLedger get(long tenantId, long sessionId) {
        SessionLedger ledger = ledgers.get(sessionId);
        if (ledger == null) {
            synchronized (this) {
                ledger = ledgers.get(sessionId);
                if (ledger == null) {
                    ledger = load(tenantId, sessionId);
                    if (ledger != null) {
                        ledgers.put(sessionId, ledger);
                    }
                }
            }
        }
        if (ledger == null || ledger.tenantId != tenantId) {
            throw ProblemException.notFound("flash sale", sessionId);
        }
        return ledger;
    }

    Optional<SessionLedger> peek(long sessionId) {
        return Optional.ofNullable(ledgers.get(sessionId));
    }

    /** Forgets a session; the next request rebuilds it from the database. */
    void evict(SessionLedger ledger) {
        ledgers.remove(ledger.sessionId, ledger);
    }

    void evict(long sessionId) {
        ledgers.remove(sessionId);
    }

    java.util.Collection<SessionLedger> loaded() {
        return ledgers.values();
    }

    private SessionLedger load(long tenantId, long sessionId) {
        FlashSaleRows.Session s = sessions.session(tenantId, sessionId).orElse(null);
        if (s == null || s.status() == SessionStatus.DRAFT) {
            return null;
        }
        boolean selling = s.status() == SessionStatus.PUBLISHED;
        Map<Long, ItemLedger> items = new HashMap<>();
        for (FlashSaleRows.Item i : sessions.items(tenantId, sessionId)) {
            var lease = selling ? leases.acquire(tenantId, i.id()) : new StockLeases.Lease(0, 0);
            items.put(
                    i.id(),
                    new ItemLedger(
                            i.id(), i.sku(), i.flashPrice(), i.perCustomerLimit(), lease.held(), lease.elsewhere()));
        }
        long loadedAt = System.nanoTime();
        SessionLedger ledger = new SessionLedger(
                tenantId,
                sessionId,
                s.version(),
                s.status(),
                s.startsAt(),
                s.endsAt(),
                s.perCustomerLimit(),
                s.purchaseTokenRequired(),
                s.tokenSecret().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                items,
                loadedAt);
        for (ReservationRows.Held h : reservations.itemHoldings(sessionId)) {
            ItemLedger item = items.get(h.ownerId());
            if (item != null) {
                item.holdings.set(h.customerId(), h.held());
            }
        }
        if (s.perCustomerLimit() != null) {
            for (ReservationRows.Held h : reservations.sessionHoldings(sessionId)) {
                ledger.sessionHoldings.set(h.customerId(), h.held());
            }
        }
        for (ReservationRows.KeyRow k : reservations.keys(sessionId)) {
            ledger.keys.put(
                    k.key(),
                    new SessionLedger.Keyed(
                            k.itemId(),
                            k.customerId(),
                            k.quantity(),
                            k.orderId(),
                            CompletableFuture.completedFuture(k.id())));
        }
        return ledger;
    }
}
