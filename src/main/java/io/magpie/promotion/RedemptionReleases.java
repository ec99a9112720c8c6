package io.magpie.promotion;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases an unpaid order's promotions when it is cancelled or times out: everything its operations
 * consumed goes back to the limits, locked coupons return to the wallet (EXPIRED when their validity
 * ended meanwhile), redemptions become RELEASED. Only RESERVED redemptions move, so a replay does nothing.
 */
@Service
class RedemptionReleases {

    private final RedemptionRows rows;
    private final CouponRows coupons;
    private final RedemptionLimits limits;
    private final ApplicationEventPublisher events;

    RedemptionReleases(
            RedemptionRows rows, CouponRows coupons, RedemptionLimits limits, ApplicationEventPublisher events) {
        this.rows = rows;
        this.coupons = coupons;
        this.limits = limits;
        this.events = events;
    }

    @Transactional
    void release(long tenantId, String orderId, Instant at) {
        List<Redemption> released = rows.release(tenantId, orderId, at);
        if (released.isEmpty()) {
            return;
        }
        released.forEach(r -> limits.releaseAll(tenantId, r.operationId()));
        Map<Long, CouponState> returned = new HashMap<>();
        coupons.release(tenantId, orderId, List.of(CouponState.LOCKED), at)
                .forEach(c -> returned.put(c.id(), c.state()));
        for (Redemption r : released) {
            events.publishEvent(new PromotionReleased(
                    tenantId,
                    orderId,
                    r.campaignId(),
                    r.couponId(),
                    r.couponId() == null ? null : returned.get(r.couponId()),
                    r.customerId(),
                    r.discount(),
                    r.freightDiscount(),
                    at));
        }
    }
}
