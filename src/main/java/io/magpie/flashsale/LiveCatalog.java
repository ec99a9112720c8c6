package io.magpie.flashsale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What shoppers may see, in memory: the published sessions that have not ended, with their items,
 * re-read from PostgreSQL every second (and right after an operator's change). Stock left is this
 * node's live in-memory figure plus what the database says lies elsewhere (unleased, or leased by
 * other nodes). The refresh also drops in-memory sales that changed under this node (another node's
 * operator edit) or ended a day ago.
 */
@Component
class LiveCatalog {

    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final FlashSaleRows rows;
    private final JdbcClient jdbc;
    private final SaleBook book;
    private final StockLeases leases;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

    LiveCatalog(FlashSaleRows rows, JdbcClient jdbc, SaleBook book, StockLeases leases, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.book = book;
        this.leases = leases;
        this.clock = clock;
    }

    private record Snapshot(
            Map<Long, List<FlashSaleRows.Session>> byTenant,
            Map<Long, List<FlashSaleRows.Item>> itemsBySession,
            Map<Long, Integer> ownLeases) {}

    @Scheduled(fixedDelayString = "${magpie.flashsale.catalog-refresh:PT1S}")
    void refresh() {
        long startedAt = System.nanoTime();
        Instant now = clock.instant();
        List<FlashSaleRows.Session> live = rows.live(now);
        Map<Long, List<FlashSaleRows.Session>> byTenant = new HashMap<>();
        Map<Long, FlashSaleRows.Session> byId = new HashMap<>();
        for (var s : live) {
            byTenant.computeIfAbsent(s.tenantId(), t -> new ArrayList<>()).add(s);
            byId.put(s.id(), s);
        }
        Map<Long, List<FlashSaleRows.Item>> items = new HashMap<>();
        Map<Long, Integer> own = new HashMap<>();
        // one statement: the stock columns and this node's lease as of the same moment
        jdbc.sql("select " + FlashSaleRows.ITEM_COLUMNS.replaceAll("(\\w+)", "i.$1")
                        + ", coalesce(l.amount, 0) as own_lease from flashsale_item i"
                        + " left join flashsale_stock_lease l on l.item_id = i.id and l.node_id = ?"
                        + " where i.session_id = any(?) order by i.session_id, i.position, i.id")
                .params(leases.nodeId(), byId.keySet().toArray(Long[]::new))
                .query((rs, n) -> {
                    var i = FlashSaleRows.item(rs, n);
                    items.computeIfAbsent(i.sessionId(), x -> new ArrayList<>()).add(i);
                    own.put(i.id(), rs.getInt("own_lease"));
                    return i;
                })
                .list();
        snapshot = new Snapshot(byTenant, items, own);
        for (SessionLedger ledger : book.loaded()) {
            var s = byId.get(ledger.sessionId);
            // changed by an operator (maybe on another node), or no longer live although memory thinks so
            boolean changed = s != null
                    ? s.version() != ledger.version
                    : ledger.status == SessionStatus.PUBLISHED && now.isBefore(ledger.endsAt);
            boolean longOver = s == null && now.isAfter(ledger.endsAt.plus(KEEP_ENDED));
            if (changed || longOver) {
                book.evict(ledger);
            } else if (s != null && ledger.loadedAt - startedAt < 0) {
                for (var i : items.getOrDefault(ledger.sessionId, List.of())) {
                    ItemLedger item = ledger.items.get(i.id());
                    if (item != null) {
                        item.elsewhere = (long) i.stock() - i.reserved() - i.sold() - own.getOrDefault(i.id(), 0);
                    }
                }
            }
        }
    }

    /** Current (running) or upcoming (visible, not started) sessions of the tenant. */
    List<StorefrontSession> list(long tenantId, boolean current) {
        Instant now = clock.instant();
        Snapshot snap = snapshot;
        List<StorefrontSession> out = new ArrayList<>();
        for (var s : snap.byTenant().getOrDefault(tenantId, List.of())) {
            SessionState state = SessionState.of(s.status(), s.preheatAt(), s.startsAt(), s.endsAt(), now);
            if (current ? state != SessionState.RUNNING : state != SessionState.PREHEAT) {
                continue;
            }
            SessionLedger ledger = book.peek(s.id()).orElse(null);
            List<StorefrontSession.Item> items = new ArrayList<>();
            for (var i : snap.itemsBySession().getOrDefault(s.id(), List.of())) {
                items.add(new StorefrontSession.Item(
                        i.id(),
                        i.sku(),
                        i.name(),
                        i.originalPrice(),
                        i.flashPrice(),
                        i.stock(),
                        stockLeft(snap, ledger, i),
                        i.perCustomerLimit()));
            }
            out.add(new StorefrontSession(
                    s.id(),
                    s.name(),
                    state,
                    s.startsAt(),
                    s.endsAt(),
                    s.timeZone(),
                    s.perCustomerLimit(),
                    s.purchaseTokenRequired(),
                    List.copyOf(items)));
        }
        return out;
    }

    /** Units still on sale of an item of a session this node holds in memory. */
    long stockLeft(SessionLedger ledger, long itemId) {
        ItemLedger item = ledger.items.get(itemId);
        return item == null || ledger.status != SessionStatus.PUBLISHED ? 0 : item.stockLeft();
    }

    int stock(long sessionId, long itemId) {
        for (var i : snapshot.itemsBySession().getOrDefault(sessionId, List.of())) {
            if (i.id() == itemId) {
                return i.stock();
            }
        }
        return -1;
    }

    private static long stockLeft(Snapshot snap, SessionLedger ledger, FlashSaleRows.Item i) {
        ItemLedger item = ledger == null ? null : ledger.items.get(i.id());
        if (item == null || ledger.status != SessionStatus.PUBLISHED) {
            return Math.max(0, i.stock() - i.reserved() - i.sold());
        }
        // units elsewhere do not move when this node sells: its sales raise reserved and lower its lease together
        long elsewhere =
                (long) i.stock() - i.reserved() - i.sold() - snap.ownLeases().getOrDefault(i.id(), 0);
        return Math.max(0, item.available() + Math.max(0, elsewhere));
    }
}
