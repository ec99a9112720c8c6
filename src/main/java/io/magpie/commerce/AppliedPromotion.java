package io.magpie.commerce;

import java.util.List;

/**
 * A promotion or coupon the shop applied to an order, as the cart evaluation answered it: the goods
 * discount ({@code discount}, minor units) allocated over the order's lines, plus any freight
 * discount. {@code couponId} is null for an automatic promotion; {@code code} is the coupon code
 * the customer typed, if any.
 */
public record AppliedPromotion(
        long campaignId, Long couponId, String code, long discount, long freightDiscount, List<LineShare> allocations) {

    public AppliedPromotion {
        allocations = List.copyOf(allocations);
    }

    /** The part of the promotion's discount that one order line ({@code lineId}) carries. */
    public record LineShare(String lineId, long amount) {}
}
