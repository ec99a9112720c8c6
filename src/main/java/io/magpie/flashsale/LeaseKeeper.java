package io.magpie.flashsale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's stock leases in a cluster, on its own thread (never behind other scheduled work):
 *
 * <ul>
 *   <li>every {@code magpie.flashsale.lease-renew-interval}: the heartbeat (renews this node's lease
 *       rows; a selling session whose lease row is gone — reclaimed while this node was unreachable —
 *       is rebuilt from the database), then reclaims the leases of dead nodes;
 *   <li>every {@code magpie.flashsale.lease-rebalance-interval}: answers other nodes that found the
 *       unleased stock empty by handing back the units this node holds and has not promised.
 * </ul>
 *
 * Units handed back are first taken out of memory by compare-and-set, so a write already decided
 * never finds its lease short.
 */
@Component
class LeaseKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final StockLeases leases;
    private final SaleBook book;
    private final Clock clock;
    private final Duration renewInterval;
    private final Duration rebalanceInterval;
    private final Duration ttl;
    private volatile ScheduledExecutorService executor;

    LeaseKeeper(
            StockLeases leases,
            SaleBook book,
            Clock clock,
            @Value("${magpie.flashsale.lease-renew-interval:PT2S}") Duration renewInterval,
            @Value("${magpie.flashsale.lease-rebalance-interval:PT0.25S}") Duration rebalanceInterval,
            @Value("${magpie.flashsale.lease-ttl:PT15S}") Duration ttl) {
        this.leases = leases;
        this.book = book;
        this.clock = clock;
        this.renewInterval = renewInterval;
        this.rebalanceInterval = rebalanceInterval;
        this.ttl = ttl;
    }

    /** The heartbeat and the reclaim of dead nodes' leases. */
    void beat() {
        renew();
        for (var r : leases.reclaimExpired()) {
            log.info(
                    "reclaimed the stock lease of item {} from node {} (not renewed for {}): {} units back on sale",
                    r.itemId(),
                    r.nodeId(),
                    ttl,
                    r.units());
        }
    }

    /** Renews this node's leases; rebuilds a selling session that lost the lease of an item it holds units of. */
    void renew() {
        List<Long> selling = new ArrayList<>();
        for (SessionLedger ledger : book.loaded()) {
            if (ledger.status == SessionStatus.PUBLISHED) {
                selling.addAll(ledger.items.keySet());
            }
        }
        Set<Long> held = leases.renew(selling);
        for (SessionLedger ledger : book.loaded()) {
            if (ledger.status != SessionStatus.PUBLISHED) {
                continue;
            }
            for (ItemLedger item : ledger.items.values()) {
                if (item.available() > 0 && !held.contains(item.itemId)) {
                    log.warn(
                            "node {} lost its stock lease of item {} (reclaimed): rebuilding session {} from the database",
                            leases.nodeId(),
                            item.itemId,
                            ledger.sessionId);
                    book.evict(ledger);
                    break;
                }
            }
        }
    }

    /**
     * Answers other nodes' demand: for each item another node asked units of (since the last
     * answer), hands back what this node holds and has not promised. Returns the units handed back.
     */
    int rebalance() {
        Instant now = clock.instant();
        List<StockLeases.Demand> demand = leases.demand(now.minus(ttl));
        if (demand.isEmpty()) {
            return 0;
        }
        Map<Long, SessionLedger> selling = new HashMap<>();
        for (SessionLedger ledger : book.loaded()) {
            for (Long itemId : ledger.items.keySet()) {
                selling.put(itemId, ledger);
            }
        }
        int total = 0;
        for (StockLeases.Demand d : demand) {
            SessionLedger ledger = selling.get(d.itemId());
            if (ledger == null) {
                // this node does not sell the item from memory now: its whole lease goes back
                if (leases.release(d.itemId(), d.held())) {
                    total += d.held();
                }
                continue;
            }
            ItemLedger item = ledger.items.get(d.itemId());
            if (!d.wantedAt().isAfter(item.demandAnswered)) {
                continue;
            }
            item.demandAnswered = d.wantedAt();
            int units = item.drain();
            if (units == 0) {
                continue;
            }
            boolean released;
            try {
                released = leases.release(item.itemId, units);
            } catch (RuntimeException e) {
                item.returnStock(units); // nothing moved in the database
                throw e;
            }
            if (released) {
                item.elsewhere += units;
                total += units;
                log.info(
                        "node {} handed {} unsold units of item {} back to the pool (another node asked at {})",
                        leases.nodeId(),
                        units,
                        item.itemId,
                        d.wantedAt());
            } else {
                // the lease is not what memory thought (reclaimed): rebuild from the database
                log.warn(
                        "node {} could not hand back {} units of item {}: rebuilding session {}",
                        leases.nodeId(),
                        units,
                        item.itemId,
                        ledger.sessionId);
                item.returnStock(units);
                book.evict(ledger);
            }
        }
        return total;
    }

    private Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("flash sale lease {} failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flashsale-leases");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(
                guarded("heartbeat", this::beat),
                renewInterval.toMillis(),
                renewInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        ex.scheduleWithFixedDelay(
                guarded("rebalance", this::rebalance),
                rebalanceInterval.toMillis(),
                rebalanceInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = ex;
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
