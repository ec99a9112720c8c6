package io.magpie.promotion;

import java.time.Instant;

/**
 * A coupon template (a COUPON campaign) with its distribution figures, as the operator's list shows it.
 *
 * @param issued coupons handed out (the counter the total limit checks)
 * @param redeemed coupons used in paid orders
 * @param locked coupons reserved by open orders
 */
public record CouponTemplateView(
        long id,
        String name,
        String description,
        String ruleType,
        String badge,
        CampaignState state,
        boolean claimable,
        Integer totalLimit,
        int perCustomer,
        int issued,
        long redeemed,
        long locked,
        String validityKind,
        String validity,
        Instant startsAt,
        Instant endsAt) {

    /** Issued share of the total limit in percent (0 when unlimited). */
    public int issuedPercent() {
        return totalLimit == null || totalLimit == 0 ? 0 : (int) Math.min(100, issued * 100L / totalLimit);
    }
}
