package io.magpie.commerce;

import java.util.List;

/** Up to {@link OrderChecks#MAX_BULK_ORDERS} orders created all together or not at all. */
record BulkOrdersCommand(List<OrderCommand> orders) {}
