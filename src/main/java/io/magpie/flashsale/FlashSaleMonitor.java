package io.magpie.flashsale;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The live figures of a sale on this node, for the console's dashboard. */
@Service
public class FlashSaleMonitor {

    static final int SECONDS = 60;

    private final FlashSaleRows rows;
    private final SaleBook book;
    private final ReservationWriter writer;
    private final Clock clock;

    FlashSaleMonitor(FlashSaleRows rows, SaleBook book, ReservationWriter writer, Clock clock) {
        this.rows = rows;
        this.book = book;
        this.writer = writer;
        this.clock = clock;
    }

    /** The sale's figures; a draft session (not in memory) shows its items with nothing sold. */
    public LiveSale live(long tenantId, long sessionId) {
        var session = rows.session(tenantId, sessionId)
                .orElseThrow(() -> io.magpie.platform.ProblemException.notFound("flash sale session", sessionId));
        SessionLedger ledger = session.status() == SessionStatus.DRAFT ? null : book.get(tenantId, sessionId);
        List<LiveSale.Item> items = new ArrayList<>();
        for (var i : rows.items(tenantId, sessionId)) {
            ItemLedger item = ledger == null ? null : ledger.items.get(i.id());
            long left = item != null && ledger.status == SessionStatus.PUBLISHED
                    ? item.stockLeft()
                    : Math.max(0, i.stock() - i.reserved() - i.sold());
            items.add(new LiveSale.Item(i.id(), i.sku(), i.name(), i.stock(), left, i.reserved(), i.sold()));
        }
        long now = clock.instant().getEpochSecond();
        List<Long> perSecond = new ArrayList<>();
        Map<String, Long> refusals = new LinkedHashMap<>();
        long reservations = 0;
        long units = 0;
        if (ledger != null) {
            for (long n : ledger.stats.perSecond(now, SECONDS)) {
                perSecond.add(n);
            }
            for (Refusal r : Refusal.values()) {
                refusals.put(r.code(), ledger.stats.refusals(r));
            }
            reservations = ledger.stats.reservations();
            units = ledger.stats.units();
        } else {
            for (int k = 0; k < SECONDS; k++) {
                perSecond.add(0L);
            }
            for (Refusal r : Refusal.values()) {
                refusals.put(r.code(), 0L);
            }
        }
        return new LiveSale(
                sessionId,
                SessionState.of(
                        session.status(), session.preheatAt(), session.startsAt(), session.endsAt(), clock.instant()),
                items,
                reservations,
                units,
                perSecond.get(perSecond.size() - 1),
                perSecond,
                refusals,
                writer.queued());
    }
}
