package io.magpie.promotion;

import io.magpie.commerce.OrderCreated;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limits and budgets an order's promotion consumes and gives back. A DISCOUNT_AMOUNT limit counts
 * the promotion's whole cost (line discount plus freight discount), a REDEMPTIONS limit counts 1; the
 * subject follows the limit's {@code per}. Other measures (coupons issued, points) are not order limits.
 */
@Component
class RedemptionLimits {

    private final CampaignRows campaigns;
    private final LimitCounters counters;
    private final RedemptionRows rows;

    RedemptionLimits(CampaignRows campaigns, LimitCounters counters, RedemptionRows rows) {
        this.campaigns = campaigns;
        this.counters = counters;
        this.rows = rows;
    }

    /**
     * Consumes every order limit of the campaign for this order, in limit id order (one lock order for
     * all orders); returns the first limit that refused. A refusal leaves earlier consumptions in place:
     * the caller's transaction must roll back.
     */
    Optional<LimitDefinition> consume(
            long campaignId, OrderCreated order, Long couponId, long cost, String operationId) {
        List<CampaignLimit> limits = campaigns.limits(order.tenantId(), campaignId).stream()
                .sorted(Comparator.comparingLong(l -> l.limit().id()))
                .toList();
        for (CampaignLimit cl : limits) {
            LimitDefinition limit = cl.limit();
            long amount = amount(limit.measure(), cost);
            String subject = subject(limit.per(), campaignId, order, couponId);
            if (amount <= 0 || subject == null) {
                continue;
            }
            LimitDecision decision =
                    counters.tryConsume(order.tenantId(), limit.id(), subject, amount, order.orderedAt(), operationId);
            if (!decision.consumed()) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    /** Gives back everything the operation consumed (an unpaid order was cancelled). */
    void releaseAll(long tenantId, String operationId) {
        counters.release(tenantId, operationId);
    }

    /**
     * Gives back {@code amount} of the operation's DISCOUNT_AMOUNT consumptions and, when
     * {@code redemption}, its REDEMPTIONS; in the period the order was counted in.
     */
    void giveBack(long tenantId, String operationId, Instant orderedAt, long amount, boolean redemption) {
        for (RedemptionRows.Consumption c : rows.consumptions(tenantId, operationId)) {
            long back = c.measure() == LimitMeasure.DISCOUNT_AMOUNT
                    ? Math.min(amount, c.amount())
                    : c.measure() == LimitMeasure.REDEMPTIONS && redemption ? c.amount() : 0;
            if (back > 0) {
                counters.release(tenantId, c.limitId(), c.subject(), back, orderedAt);
            }
        }
    }

    static long amount(LimitMeasure measure, long cost) {
        return switch (measure) {
            case DISCOUNT_AMOUNT -> cost;
            case REDEMPTIONS -> 1;
            case COUPONS_ISSUED, POINTS_ISSUED -> 0;
        };
    }

    /** The counter key of a limit for this order; null when the limit does not apply to orders. */
    static String subject(LimitScope per, long campaignId, OrderCreated order, Long couponId) {
        return switch (per) {
            case CAMPAIGN -> "campaign:" + campaignId;
            case CUSTOMER -> "customer:" + (order.customerId() == null ? "guest" : order.customerId());
            case STORE -> "store:" + (order.store() == null ? "none" : order.store());
            case COUPON -> couponId == null ? null : "coupon:" + couponId;
            case DEVICE -> null;
        };
    }
}
