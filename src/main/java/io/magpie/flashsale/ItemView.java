package io.magpie.flashsale;

/**
 * An item with its stock accounting: {@code reserved} awaiting payment, {@code sold} confirmed,
 * {@code stock_left} still on sale (live on this node when the sale is loaded in memory).
 */
public record ItemView(
        long id,
        long sessionId,
        String sku,
        String name,
        Long originalPrice,
        long flashPrice,
        int stock,
        int perCustomerLimit,
        int position,
        int reserved,
        int sold,
        long stockLeft) {}
