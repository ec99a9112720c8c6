package io.magpie.commerce;

import java.util.List;

/**
 * A merchant's order as posted to the API. Fields are loosely typed on purpose ({@code Long}, strings
 * for instants) so that {@link OrderChecks} can report every problem with its path instead of the
 * JSON reader stopping at the first.
 */
record OrderCommand(
        String orderId,
        String customerId,
        String store,
        String channel,
        String currency,
        String orderedAt,
        Long discount,
        Long freight,
        List<OrderLineCommand> lines) {}
