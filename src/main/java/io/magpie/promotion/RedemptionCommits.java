package io.magpie.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits an order's promotions when it is paid: locked coupons become REDEEMED, redemptions COMMITTED,
 * and {@link CouponRedeemed} / {@link PromotionApplied} go out for exactly the rows that changed — so a
 * replayed payment changes and publishes nothing.
 */
@Service
class RedemptionCommits {

    private final RedemptionRows rows;
    private final CouponRows coupons;
    private final ApplicationEventPublisher events;

    RedemptionCommits(RedemptionRows rows, CouponRows coupons, ApplicationEventPublisher events) {
        this.rows = rows;
        this.coupons = coupons;
        this.events = events;
    }

    @Transactional
    void commit(long tenantId, String orderId, Instant at) {
        List<Redemption> committed = rows.commit(tenantId, orderId, at);
        if (committed.isEmpty()) {
            return;
        }
        Map<Long, Redemption> byCoupon = committed.stream()
                .filter(r -> r.couponId() != null)
                .collect(Collectors.toMap(Redemption::couponId, Function.identity()));
        for (HeldCoupon c : coupons.redeem(tenantId, orderId, at)) {
            Redemption r = byCoupon.get(c.id());
            events.publishEvent(new CouponRedeemed(
                    tenantId, orderId, c.campaignId(), c.id(), c.customerId(), r == null ? 0 : r.cost(), at));
        }
        for (Redemption r : committed) {
            events.publishEvent(new PromotionApplied(
                    tenantId,
                    orderId,
                    r.campaignId(),
                    r.couponId(),
                    r.customerId(),
                    r.discount(),
                    r.freightDiscount(),
                    at));
        }
    }
}
