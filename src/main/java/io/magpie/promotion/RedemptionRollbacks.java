package io.magpie.promotion;

import io.magpie.commerce.OrderRefunded;
import io.magpie.commerce.RefundedLine;
import io.magpie.promotion.RedemptionRefundPlan.Outcome;
import io.magpie.promotion.RedemptionRefundPlan.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls back the refunded units' shares of an order's promotions ({@link RedemptionRefundPlan}), gives
 * the amounts back to the budgets and, on a full refund or a REVERT, the redemption count and the coupon.
 * Each refund id is applied once: a replayed refund finds its id recorded and changes nothing.
 */
@Service
class RedemptionRollbacks {

    private final RedemptionRows rows;
    private final CampaignRows campaigns;
    private final CouponRows coupons;
    private final RedemptionLimits limits;
    private final RedemptionCommits commits;
    private final ApplicationEventPublisher events;

    RedemptionRollbacks(
            RedemptionRows rows,
            CampaignRows campaigns,
            CouponRows coupons,
            RedemptionLimits limits,
            RedemptionCommits commits,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.limits = limits;
        this.commits = commits;
        this.events = events;
    }

    @Transactional
    void rollBack(OrderRefunded refund) {
        long tenant = refund.tenantId();
        String orderId = refund.orderId();
        if (!rows.lockOrder(tenant, orderId)
                || !rows.recordRefund(tenant, orderId, refund.refundId(), refund.refundedAt())) {
            return; // no promotions on this order, or this refund was applied already
        }
        // a refund implies the payment: commit first in case the payment event has not been handled yet
        commits.commit(tenant, orderId, refund.refundedAt());
        Map<String, RedemptionRows.Line> lines = rows.lines(tenant, orderId);
        Map<String, Set<Integer>> returned = new LinkedHashMap<>();
        for (RefundedLine l : refund.lines()) {
            RedemptionRows.Line line = lines.get(l.lineId());
            if (line == null) {
                continue;
            }
            TreeSet<Integer> fresh = new TreeSet<>(l.units());
            fresh.removeAll(line.refundedUnits());
            fresh.removeIf(u -> u < 0 || u >= line.quantity());
            returned.computeIfAbsent(l.lineId(), k -> new TreeSet<>()).addAll(fresh);
        }
        List<Redemption> redemptions = rows.ofOrder(tenant, orderId);
        var shares = rows.shares(tenant, RedemptionRows.ids(redemptions));
        Map<Long, Redemption> byId = new HashMap<>();
        List<RedemptionRefundPlan.Promotion> promotions = new ArrayList<>();
        Map<Long, Campaign> campaignCache = new HashMap<>();
        for (Redemption r : redemptions) {
            byId.put(r.id(), r);
            Campaign c = campaignCache.computeIfAbsent(
                    r.campaignId(), id -> campaigns.find(tenant, id).orElseThrow());
            Map<String, Long> lineShares = new LinkedHashMap<>();
            shares.get(r.id()).values().forEach(s -> lineShares.put(s.lineId(), s.amount()));
            promotions.add(new RedemptionRefundPlan.Promotion(
                    r.id(),
                    r.stage(),
                    r.net(),
                    r.status().refundable(),
                    c.refundPolicy(),
                    RedemptionThreshold.of(c.config()),
                    lineShares));
        }
        List<Step> steps = RedemptionRefundPlan.plan(lines, returned, promotions);
        returned.forEach((lineId, units) -> {
            TreeSet<Integer> all = new TreeSet<>(lines.get(lineId).refundedUnits());
            all.addAll(units);
            rows.refundUnits(tenant, orderId, lineId, all);
        });
        for (Step step : steps) {
            apply(refund, byId.get(step.redemptionId()), step);
        }
    }

    private void apply(OrderRefunded refund, Redemption r, Step step) {
        if (step.outcome() == Outcome.NONE) {
            return;
        }
        long tenant = refund.tenantId();
        Instant at = refund.refundedAt();
        step.lines().forEach((line, amount) -> rows.rollBackLine(tenant, r.id(), line, amount));
        RedemptionStatus status = switch (step.outcome()) {
            case FULL -> RedemptionStatus.ROLLED_BACK;
            case REVERTED -> RedemptionStatus.REVERTED;
            default -> RedemptionStatus.PARTIALLY_ROLLED_BACK;
        };
        rows.applyRefund(
                tenant,
                r.id(),
                refund.refundId(),
                step.rolledBack(),
                step.clawback(),
                status,
                step.outcome().name(),
                at);
        boolean closes = step.outcome() != Outcome.PARTIAL;
        limits.giveBack(tenant, r.operationId(), r.orderedAt(), step.rolledBack() + step.clawback(), closes);
        CouponState couponState = null;
        if (closes && r.couponId() != null) {
            couponState = coupons.releaseOne(
                            tenant, r.couponId(), r.orderId(), List.of(CouponState.REDEEMED, CouponState.LOCKED), at)
                    .map(HeldCoupon::state)
                    .orElse(null);
        }
        if (step.outcome() == Outcome.REVERTED) {
            events.publishEvent(new PromotionReverted(
                    tenant,
                    r.orderId(),
                    refund.refundId(),
                    r.campaignId(),
                    r.couponId(),
                    r.customerId(),
                    step.rolledBack(),
                    step.clawback(),
                    couponState,
                    at));
        } else {
            events.publishEvent(new PromotionRolledBack(
                    tenant,
                    r.orderId(),
                    refund.refundId(),
                    r.campaignId(),
                    r.couponId(),
                    r.customerId(),
                    step.rolledBack(),
                    step.outcome() == Outcome.FULL,
                    couponState,
                    at));
        }
    }
}
