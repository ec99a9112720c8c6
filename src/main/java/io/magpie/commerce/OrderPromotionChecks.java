package io.magpie.commerce;

import io.magpie.commerce.OrderPreparation.Issue;
import io.magpie.platform.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Checks of an order's applied promotions: first their syntax (a 400 by path, with the order's other
 * field checks), then whether they fit the order (422): allocations name the order's lines, add up to
 * each promotion's discount, never exceed a line's gross amount in total, and all promotions together
 * stay within the order's discounts.
 */
final class OrderPromotionChecks {

    static final int MAX_PROMOTIONS = 50;

    /** The codes of {@link #fit}; a single order reports all of them together. */
    static final Set<String> CODES = Set.of(
            "duplicate_promotion",
            "unknown_line",
            "duplicate_allocation",
            "allocation_mismatch",
            "allocation_exceeds_line",
            "promotions_exceed_discount");

    private OrderPromotionChecks() {}

    /** The promotions with defaults applied; an empty list when absent or when any has a problem. */
    static List<AppliedPromotion> syntax(
            List<OrderPromotionCommand> promotions, String at, List<FieldProblem> problems) {
        if (promotions == null || promotions.isEmpty()) {
            return List.of();
        }
        if (promotions.size() > MAX_PROMOTIONS) {
            problems.add(new FieldProblem(at, "size", "an order has at most " + MAX_PROMOTIONS + " promotions"));
            return List.of();
        }
        int before = problems.size();
        List<AppliedPromotion> applied = new ArrayList<>(promotions.size());
        for (int i = 0; i < promotions.size(); i++) {
            OrderPromotionCommand c = promotions.get(i);
            String p = at + "[" + i + "]";
            if (c == null) {
                problems.add(new FieldProblem(p, "required", "a promotion must be an object"));
                continue;
            }
            int mine = problems.size();
            OrderChecks.range(c.campaignId(), 1, Long.MAX_VALUE, p + ".campaign_id", problems);
            if (c.couponId() != null) {
                OrderChecks.range(c.couponId(), 1, Long.MAX_VALUE, p + ".coupon_id", problems);
            }
            OrderChecks.optionalText(c.code(), p + ".code", 64, problems);
            OrderChecks.range(c.discount(), 0, Long.MAX_VALUE, p + ".discount", problems);
            OrderChecks.nonNegative(c.freightDiscount(), p + ".freight_discount", problems);
            List<AppliedPromotion.LineShare> shares = shares(c.allocations(), p + ".allocations", problems);
            if (problems.size() == mine) {
                applied.add(new AppliedPromotion(
                        c.campaignId(),
                        c.couponId(),
                        c.code(),
                        c.discount(),
                        c.freightDiscount() == null ? 0 : c.freightDiscount(),
                        shares));
            }
        }
        return problems.size() > before ? List.of() : applied;
    }

    private static List<AppliedPromotion.LineShare> shares(
            List<OrderPromotionCommand.Allocation> allocations, String at, List<FieldProblem> problems) {
        if (allocations == null) {
            return List.of();
        }
        if (allocations.size() > OrderChecks.MAX_LINES) {
            problems.add(new FieldProblem(at, "size", "at most one allocation per line"));
            return List.of();
        }
        List<AppliedPromotion.LineShare> shares = new ArrayList<>(allocations.size());
        for (int k = 0; k < allocations.size(); k++) {
            OrderPromotionCommand.Allocation a = allocations.get(k);
            String p = at + "[" + k + "]";
            if (a == null) {
                problems.add(new FieldProblem(p, "required", "an allocation must be an object"));
                continue;
            }
            boolean id = OrderChecks.id(a.lineId(), p + ".line_id", problems);
            int before = problems.size();
            OrderChecks.range(a.amount(), 0, Long.MAX_VALUE, p + ".amount", problems);
            if (id && problems.size() == before) {
                shares.add(new AppliedPromotion.LineShare(a.lineId(), a.amount()));
            }
        }
        return shares;
    }

    /** Whether the promotions fit the order; {@code p} prefixes every path ("" or "orders[3]."). */
    static void fit(OrderDraft d, String p, List<Issue> issues) {
        if (d.promotions().isEmpty()) {
            return;
        }
        Map<String, Integer> lineIndex = new HashMap<>();
        for (int k = 0; k < d.lines().size(); k++) {
            lineIndex.put(d.lines().get(k).lineNo(), k);
        }
        long[] allocated = new long[d.lines().size()];
        long promoted = 0;
        Set<List<Object>> pairs = new HashSet<>();
        for (int i = 0; i < d.promotions().size(); i++) {
            AppliedPromotion a = d.promotions().get(i);
            String at = p + "promotions[" + i + "]";
            promoted = plus(promoted, a.discount());
            if (!pairs.add(List.of(a.campaignId(), Objects.requireNonNullElse(a.couponId(), 0L)))) {
                issues.add(issue(
                        "duplicate_promotion",
                        at,
                        "campaign " + a.campaignId() + (a.couponId() == null ? "" : " with coupon " + a.couponId())
                                + " appears twice"));
            }
            long sum = 0;
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < a.allocations().size(); k++) {
                AppliedPromotion.LineShare s = a.allocations().get(k);
                sum = plus(sum, s.amount());
                Integer line = lineIndex.get(s.lineId());
                String field = at + ".allocations[" + k + "].line_id";
                if (line == null) {
                    issues.add(issue("unknown_line", field, "'" + s.lineId() + "' is not a line_id of this order"));
                } else if (!seen.add(s.lineId())) {
                    issues.add(issue("duplicate_allocation", field, "line '" + s.lineId() + "' is allocated twice"));
                } else {
                    allocated[line] = plus(allocated[line], s.amount());
                }
            }
            if (sum != a.discount()) {
                issues.add(issue(
                        "allocation_mismatch",
                        at + ".allocations",
                        "the allocations sum to " + sum + ", not to the discount " + a.discount()));
            }
        }
        long discounts = d.discount();
        for (int k = 0; k < d.lines().size(); k++) {
            OrderDraft.Line l = d.lines().get(k);
            long gross = (long) l.quantity() * l.unitPrice();
            discounts = plus(discounts, l.discount());
            if (allocated[k] > gross) {
                issues.add(issue(
                        "allocation_exceeds_line",
                        p + "lines[" + k + "]",
                        "promotions allocate " + allocated[k] + " to line '" + l.lineNo() + "', more than its amount "
                                + gross));
            }
        }
        if (promoted > discounts) {
            issues.add(issue(
                    "promotions_exceed_discount",
                    p + "promotions",
                    "the promotions' discounts total " + promoted
                            + ", more than the order's discounts (lines and order) of " + discounts));
        }
    }

    /** Addition that stops at Long.MAX_VALUE, which no valid amount reaches. */
    private static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static Issue issue(String code, String field, String message) {
        return new Issue(HttpStatus.UNPROCESSABLE_CONTENT, code, field, message, null);
    }
}
