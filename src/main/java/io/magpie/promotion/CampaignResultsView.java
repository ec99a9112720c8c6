package io.magpie.promotion;

import java.time.LocalDate;
import java.util.List;

/**
 * What a campaign achieved between two dates (the tenant's days, both inclusive), counted by the day
 * its orders were placed. Paid orders only (pending ones apart); amounts in minor units.
 *
 * @param totals the whole period
 * @param limits each limit or budget with what is used now (campaign-wide limits only; null per subject)
 * @param coupons coupon figures of a coupon template; null for automatic campaigns
 * @param series one entry per day, days without orders included
 */
public record CampaignResultsView(
        long campaignId,
        String name,
        CampaignKind kind,
        CampaignState state,
        String currency,
        String timeZone,
        LocalDate from,
        LocalDate to,
        String granularity,
        Totals totals,
        List<LimitUse> limits,
        Coupons coupons,
        List<Day> series) {

    /**
     * @param orders paid orders that used the campaign
     * @param redemptions paid redemptions (an order may redeem several coupons of one template)
     * @param discount line plus freight discount given at order time
     * @param refunded discount rolled back by refunds
     * @param clawback discount taken back by the REVERT policy
     * @param discountCost discount − refunded − clawback: what the campaign cost
     * @param gmv the totals of the orders that used it (as placed)
     * @param pendingOrders orders created but not paid yet (their discount is reserved)
     * @param releasedOrders orders cancelled unpaid: their reservation was released
     */
    public record Totals(
            long orders,
            long redemptions,
            long discount,
            long refunded,
            long clawback,
            long discountCost,
            long gmv,
            long pendingOrders,
            long pendingDiscount,
            long releasedOrders) {}

    /** A limit and what the campaign as a whole has used of it in its current period. */
    public record LimitUse(
            long limitId,
            LimitMeasure measure,
            LimitScope per,
            LimitPeriod period,
            long max,
            Long used,
            Long remaining) {}

    /** Coupons issued in the period and redeemed by orders placed in it; issued in all. */
    public record Coupons(long issued, long redeemed, long issuedTotal) {}

    /** One day of the series. */
    public record Day(LocalDate date, long orders, long redemptions, long discountCost, long gmv) {}
}
