package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one refund does to each promotion of an order — pure arithmetic, no I/O.
 *
 * <ul>
 *   <li>Each promotion gives back, per refunded line, the share of its allocation that the refunded
 *       units carry ({@link UnitSplit}): returning units one by one gives back exactly the allocation.
 *   <li>When the refund completes the refund of the whole order, everything is rolled back: the rest of
 *       the line discount and the freight discount (FULL).
 *   <li>Otherwise, under the REVERT policy, when what remains of the promotion's eligible lines falls
 *       below its threshold, the remaining discount is clawed back (REVERTED). The eligible amount of a
 *       line is what its remaining units carry of the line amount plus the shares of the order's
 *       promotions at the same or a later stage — the amount before this promotion's stage discounted it.
 *   <li>Otherwise only the shares roll back (PARTIAL), or nothing changes (NONE).
 * </ul>
 */
final class RedemptionRefundPlan {

    enum Outcome {
        NONE,
        PARTIAL,
        FULL,
        REVERTED
    }

    /** One promotion of the order as the plan needs it. */
    record Promotion(
            long id,
            int stage,
            long net,
            boolean refundable,
            RefundPolicy policy,
            Optional<RedemptionThreshold> threshold,
            Map<String, Long> shares) {}

    /** What the refund does to one promotion: per-line roll-backs, their total, and any claw-back. */
    record Step(long redemptionId, Outcome outcome, Map<String, Long> lines, long rolledBack, long clawback) {}

    private RedemptionRefundPlan() {}

    /**
     * @param lines every line of the order with the units refunded before this refund
     * @param refunded the units this refund returns, by line id
     */
    static List<Step> plan(
            Map<String, RedemptionRows.Line> lines, Map<String, Set<Integer>> refunded, List<Promotion> promotions) {
        Map<String, TreeSet<Integer>> after = new LinkedHashMap<>();
        lines.forEach((id, line) -> {
            TreeSet<Integer> units = new TreeSet<>(line.refundedUnits());
            units.addAll(refunded.getOrDefault(id, Set.of()));
            after.put(id, units);
        });
        boolean wholeOrder =
                lines.values().stream().allMatch(l -> after.get(l.lineId()).size() >= l.quantity());
        List<Step> steps = new ArrayList<>();
        for (Promotion p : promotions) {
            if (!p.refundable()) {
                continue;
            }
            Map<String, Long> back = new LinkedHashMap<>();
            long rolled = 0;
            for (var share : p.shares().entrySet()) {
                RedemptionRows.Line line = lines.get(share.getKey());
                Set<Integer> units = refunded.getOrDefault(share.getKey(), Set.of());
                if (line == null || units.isEmpty() || share.getValue() == 0) {
                    continue;
                }
                long amount = UnitSplit.sum(share.getValue(), line.quantity(), units);
                back.put(share.getKey(), amount);
                rolled += amount;
            }
            if (wholeOrder) {
                steps.add(new Step(p.id(), Outcome.FULL, back, p.net(), 0));
            } else if (p.policy() == RefundPolicy.REVERT
                    && p.threshold().isPresent()
                    && eligible(p, lines, after, promotions, p.threshold().get().basis())
                            < p.threshold().get().minimum()) {
                steps.add(new Step(p.id(), Outcome.REVERTED, back, rolled, p.net() - rolled));
            } else if (rolled > 0) {
                steps.add(new Step(p.id(), Outcome.PARTIAL, back, rolled, 0));
            } else {
                steps.add(new Step(p.id(), Outcome.NONE, back, 0, 0));
            }
        }
        return steps;
    }

    /** What remains eligible for {@code p} after the refund: an amount, or a unit count. */
    static long eligible(
            Promotion p,
            Map<String, RedemptionRows.Line> lines,
            Map<String, TreeSet<Integer>> refundedAfter,
            List<Promotion> all,
            Basis basis) {
        long sum = 0;
        for (var share : p.shares().entrySet()) {
            RedemptionRows.Line line = lines.get(share.getKey());
            if (line == null || share.getValue() == 0) {
                continue;
            }
            TreeSet<Integer> gone = refundedAfter.get(line.lineId());
            if (basis == Basis.ITEMS) {
                sum += line.quantity() - gone.size();
                continue;
            }
            long before = line.amount();
            for (Promotion other : all) {
                if (other.stage() >= p.stage()) {
                    before += other.shares().getOrDefault(line.lineId(), 0L);
                }
            }
            sum += UnitSplit.remaining(before, line.quantity(), gone);
        }
        return sum;
    }
}
