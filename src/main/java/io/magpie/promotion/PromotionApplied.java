package io.magpie.promotion;

import java.time.Instant;

/** A promotion's discount on an order became final: the order was paid. Amounts in minor units. */
public record PromotionApplied(
        long tenantId,
        String orderId,
        long campaignId,
        Long couponId,
        String customerId,
        long discount,
        long freightDiscount,
        Instant appliedAt) {}
