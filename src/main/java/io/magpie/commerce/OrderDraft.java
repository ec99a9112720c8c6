package io.magpie.commerce;

import java.time.Instant;
import java.util.List;

/**
 * An order request that passed the syntax checks, with defaults applied; {@code orderedAt} stays
 * null when the client left it out (it is then "now", which must not change the request's hash).
 */
record OrderDraft(
        String orderNo,
        String customerId,
        String store,
        String channel,
        String currency,
        Instant orderedAt,
        long discount,
        long freight,
        List<Line> lines,
        List<AppliedPromotion> promotions) {

    record Line(String lineNo, String sku, int quantity, long unitPrice, long discount) {}
}
