package io.magpie.flashsale;

import java.util.List;
import java.util.Map;

/**
 * A session's sale as the live dashboard shows it: stock per item (live on this node), reservations
 * per second over the last minute, refusals by reason since this node loaded the sale.
 */
public record LiveSale(
        long sessionId,
        SessionState state,
        List<Item> items,
        long reservations,
        long units,
        long lastSecond,
        List<Long> perSecond,
        Map<String, Long> refusals,
        int queued) {

    /** One item's numbers. */
    public record Item(long id, String sku, String name, int stock, long stockLeft, int reserved, int sold) {}
}
