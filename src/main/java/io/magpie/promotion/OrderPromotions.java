package io.magpie.promotion;

import io.magpie.commerce.AppliedPromotion;
import io.magpie.commerce.OrderCancelled;
import io.magpie.commerce.OrderCreated;
import io.magpie.commerce.OrderPaid;
import io.magpie.commerce.OrderRefunded;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the order's life for its promotions: reserve on creation (synchronously, inside the order's
 * transaction, so an unavailable promotion refuses the order), commit on payment, release on
 * cancellation or payment timeout, roll back on refunds. Every handler is idempotent.
 */
@Component
class OrderPromotions {

    private final RedemptionReservations reservations;
    private final RedemptionCommits commits;
    private final RedemptionReleases releases;
    private final RedemptionRollbacks rollbacks;

    OrderPromotions(
            RedemptionReservations reservations,
            RedemptionCommits commits,
            RedemptionReleases releases,
            RedemptionRollbacks rollbacks) {
        this.reservations = reservations;
        this.commits = commits;
        this.releases = releases;
        this.rollbacks = rollbacks;
    }

    /**
     * Synchronous on purpose: it runs inside the transaction that creates the order, and a problem it
     * throws (409 coupon_unavailable, promotion_limit_reached, promotion_not_running) rolls the order back
     * and becomes the answer to the shop.
     */
    @EventListener
    void on(OrderCreated event) {
        reservations.reserve(
                event, event.promotions().stream().map(OrderPromotions::applied).toList());
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        commits.commit(event.tenantId(), event.orderId(), event.paidAt());
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        releases.release(event.tenantId(), event.orderId(), event.cancelledAt());
    }

    @ApplicationModuleListener
    void on(OrderRefunded event) {
        rollbacks.rollBack(event);
    }

    private static RedemptionReservations.Applied applied(AppliedPromotion p) {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (AppliedPromotion.LineShare share : p.allocations()) {
            shares.merge(share.lineId(), share.amount(), Long::sum);
        }
        return new RedemptionReservations.Applied(
                p.campaignId(), p.couponId(), p.code(), p.discount(), p.freightDiscount(), shares);
    }
}
