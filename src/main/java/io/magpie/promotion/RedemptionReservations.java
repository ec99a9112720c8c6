package io.magpie.promotion;

import io.magpie.commerce.OrderCreated;
import io.magpie.commerce.OrderLine;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.pricing.RuleRegistry;
import io.magpie.promotion.pricing.RuleType;
import io.magpie.promotion.pricing.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves an order's promotions when it is created, inside the order's own transaction: checks each
 * campaign runs, locks the coupons to the order, consumes the campaigns' limits and budgets, and stores
 * the redemptions RESERVED. Anything unavailable throws a 409 problem, so the order is not created and
 * nothing stays written. A replayed order creation changes nothing (unique keys, idempotent locks and
 * operation ids).
 */
@Service
class RedemptionReservations {

    /**
     * An order created this long after a campaign's schedule closed still gets it: the shop priced the
     * cart while it ran. A PAUSED, ENDED or DRAFT campaign gets no grace.
     */
    static final Duration GRACE = Duration.ofMinutes(10);

    private static final RuleRegistry RULES = RuleRegistry.standard();

    /** One promotion the order says it applied, as the evaluate response gave it. */
    record Applied(
            long campaignId,
            Long couponId,
            String code,
            long discount,
            long freightDiscount,
            Map<String, Long> allocations) {}

    private final CampaignRows campaigns;
    private final CouponRows coupons;
    private final RedemptionLimits limits;
    private final RedemptionRows rows;
    private final Clock clock;

    RedemptionReservations(
            CampaignRows campaigns, CouponRows coupons, RedemptionLimits limits, RedemptionRows rows, Clock clock) {
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.limits = limits;
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    void reserve(OrderCreated order, List<Applied> applied) {
        if (applied.isEmpty()) {
            return;
        }
        checkShape(order, applied);
        long tenant = order.tenantId();
        Instant now = clock.instant();
        List<Integer> sequence = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            sequence.add(i);
        }
        // one lock order (campaign, coupon) for every order, so concurrent orders cannot deadlock
        sequence.sort(Comparator.comparingLong((Integer i) -> applied.get(i).campaignId())
                .thenComparingLong(i ->
                        applied.get(i).couponId() == null ? 0 : applied.get(i).couponId()));
        List<RedemptionRows.NewRedemption> reserved = new ArrayList<>();
        for (int i : sequence) {
            reserved.add(reserveOne(order, applied.get(i), "promotions[" + i + "]"));
        }
        rows.insertOrder(
                tenant,
                new RedemptionRows.OrderFacts(
                        order.orderId(), order.customerId(), order.store(), order.total(), order.orderedAt()),
                order.lines(),
                now);
        for (RedemptionRows.NewRedemption r : reserved) {
            rows.insert(tenant, order.orderId(), order.customerId(), order.orderedAt(), r, now);
        }
    }

    private RedemptionRows.NewRedemption reserveOne(OrderCreated order, Applied a, String at) {
        long tenant = order.tenantId();
        Campaign campaign = campaigns
                .find(tenant, a.campaignId())
                .orElseThrow(() -> invalid(at + ".campaign_id", "unknown_campaign", "no campaign " + a.campaignId()));
        if (!running(campaign, order.orderedAt())) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "promotion_not_running",
                    "campaign " + campaign.id() + " (" + campaign.name() + ") is not running at " + order.orderedAt(),
                    List.of(new FieldProblem(
                            at + ".campaign_id", "promotion_not_running", String.valueOf(campaign.id()))));
        }
        Long ceiling = RedemptionThreshold.ceiling(campaign.config());
        if (ceiling != null && a.discount() > ceiling) {
            throw invalid(
                    at + ".discount",
                    "discount_implausible",
                    "campaign " + campaign.id() + " gives at most " + ceiling + " off the items, not " + a.discount());
        }
        Long couponId = coupon(order, campaign, a, at);
        String operationId =
                "order:" + order.orderId() + ":" + campaign.id() + (couponId == null ? "" : ":" + couponId);
        Optional<LimitDefinition> refused =
                limits.consume(campaign.id(), order, couponId, a.discount() + a.freightDiscount(), operationId);
        if (refused.isPresent()) {
            LimitDefinition l = refused.get();
            String which = "limit " + l.id() + " (" + l.measure() + " per " + l.per() + " " + l.period() + ", max "
                    + l.maxAmount() + ")";
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "promotion_limit_reached",
                    "campaign " + campaign.id() + " (" + campaign.name() + ") reached its " + which,
                    List.of(new FieldProblem(
                            at, "promotion_limit_reached", "campaign " + campaign.id() + ", " + which)));
        }
        int stage = RULES.find(campaign.ruleType())
                .map(RuleType::stage)
                .map(Stage::number)
                .orElse(0);
        return new RedemptionRows.NewRedemption(
                campaign.id(),
                couponId,
                a.code(),
                stage,
                a.discount(),
                a.freightDiscount(),
                operationId,
                a.allocations());
    }

    /** Locks the coupon the promotion names to this order; null for an automatic campaign. */
    private Long coupon(OrderCreated order, Campaign campaign, Applied a, String at) {
        if (campaign.kind() == CampaignKind.AUTOMATIC) {
            if (a.couponId() != null) {
                throw invalid(
                        at + ".coupon_id", "not_a_coupon_campaign", "campaign " + campaign.id() + " is automatic");
            }
            return null;
        }
        Optional<HeldCoupon> coupon = a.couponId() != null
                ? coupons.find(order.tenantId(), a.couponId())
                : a.code() != null ? coupons.findByCode(order.tenantId(), a.code()) : Optional.empty();
        if (a.couponId() == null && a.code() == null) {
            throw invalid(at + ".coupon_id", "required", "a coupon campaign needs the coupon_id (or code) used");
        }
        boolean locked = coupon.isPresent()
                && coupon.get().campaignId() == campaign.id()
                && order.customerId() != null
                && coupons.lock(
                        order.tenantId(), coupon.get().id(), order.customerId(), order.orderId(), order.orderedAt());
        if (!locked) {
            String id = a.couponId() != null ? String.valueOf(a.couponId()) : a.code();
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "coupon_unavailable",
                    "coupon " + id + " of campaign " + campaign.id()
                            + " is not an available, valid coupon of this order's customer",
                    List.of(new FieldProblem(
                            at + (a.couponId() != null ? ".coupon_id" : ".code"), "coupon_unavailable", id)));
        }
        return coupon.get().id();
    }

    /** ACTIVE and open at the order time, or closed by its schedule less than {@link #GRACE} before. */
    static boolean running(Campaign campaign, Instant orderedAt) {
        if (campaign.status() != CampaignStatus.ACTIVE) {
            return false;
        }
        return campaign.schedule().isOpen(orderedAt) || campaign.schedule().isOpen(orderedAt.minus(GRACE));
    }

    /** Cheap checks of what the order claims: shares on its own lines, summing to the discount. */
    private static void checkShape(OrderCreated order, List<Applied> applied) {
        Map<String, OrderLine> lines = new HashMap<>();
        order.lines().forEach(l -> lines.put(l.lineId(), l));
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < applied.size(); i++) {
            Applied a = applied.get(i);
            String at = "promotions[" + i + "]";
            if (!seen.add(a.campaignId() + ":" + a.couponId() + ":" + a.code())) {
                problems.add(new FieldProblem(at, "duplicate_promotion", "listed twice"));
            }
            if (a.discount() < 0 || a.freightDiscount() < 0) {
                problems.add(new FieldProblem(at + ".discount", "negative", "discounts must not be negative"));
            }
            long sum = 0;
            for (var share : a.allocations().entrySet()) {
                OrderLine line = lines.get(share.getKey());
                if (line == null) {
                    problems.add(new FieldProblem(at + ".allocations", "unknown_line_id", share.getKey()));
                } else if (share.getValue() < 0 || share.getValue() > line.unitPrice() * line.quantity()) {
                    problems.add(new FieldProblem(at + ".allocations", "share_out_of_range", share.getKey()));
                }
                sum += share.getValue();
            }
            if (sum != a.discount()) {
                problems.add(new FieldProblem(
                        at + ".allocations", "allocations_mismatch", "shares sum to " + sum + ", not " + a.discount()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "invalid_promotions",
                    "the order's promotions do not add up: " + problems.get(0).field() + " "
                            + problems.get(0).message(),
                    problems);
        }
    }

    private static ProblemException invalid(String field, String code, String detail) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, code, detail, List.of(new FieldProblem(field, code, detail)));
    }
}
