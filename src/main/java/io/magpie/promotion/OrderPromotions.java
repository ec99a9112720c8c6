package io.magpie.promotion;

import io.magpie.commerce.OrderCancelled;
import io.magpie.commerce.OrderPaid;
import io.magpie.commerce.OrderRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the order's life for its promotions: reserve on creation (synchronously, inside the order's
 * transaction, so an unavailable promotion refuses the order), commit on payment, release on
 * cancellation or payment timeout, roll back on refunds. Every handler is idempotent.
 */
@Component
class OrderPromotions {

    private final RedemptionCommits commits;
    private final RedemptionReleases releases;
    private final RedemptionRollbacks rollbacks;

    OrderPromotions(RedemptionCommits commits, RedemptionReleases releases, RedemptionRollbacks rollbacks) {
        this.commits = commits;
        this.releases = releases;
        this.rollbacks = rollbacks;
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
}
