package io.magpie.promotion.pricing;

import java.util.Objects;
import java.util.Set;

/**
 * One line of a cart; amounts in minor units (fen).
 *
 * @param categoryIds the product's categories including all ancestors
 * @param floorUnitPrice optional lowest price per unit any combination of discounts may reach (最低价保护)
 * @param firstPurchase whether this is the customer's first purchase of the product (trial price)
 */
public record CartLine(
        String lineId,
        String sku,
        String productCode,
        Set<String> categoryIds,
        String brand,
        int quantity,
        long unitPrice,
        Long floorUnitPrice,
        boolean firstPurchase) {

    public CartLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(sku, "sku");
        categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (unitPrice < 0 || (floorUnitPrice != null && floorUnitPrice < 0)) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** A plain line without floor price or first-purchase flag. */
    public static CartLine of(String lineId, String sku, int quantity, long unitPrice) {
        return new CartLine(lineId, sku, sku, Set.of(), null, quantity, unitPrice, null, false);
    }

    public long amount() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }

    public long floorAmount() {
        long floor = floorUnitPrice == null ? 0 : Math.min(floorUnitPrice, unitPrice);
        return Math.multiplyExact(floor, (long) quantity);
    }
}
