package io.magpie.commerce;

import io.magpie.platform.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Syntax checks of refund requests, collecting every problem with its JSON path. */
final class RefundChecks {

    private RefundChecks() {}

    /** The draft, or null after adding the problems. */
    static RefundDraft refund(RefundCommand c, List<FieldProblem> problems) {
        if (c == null) {
            problems.add(new FieldProblem("body", "required", "a refund is required"));
            return null;
        }
        int before = problems.size();
        OrderChecks.id(c.refundId(), "refund_id", problems);
        if (c.reason() != null && c.reason().length() > OrderChecks.MAX_REASON) {
            problems.add(new FieldProblem("reason", "size", "at most " + OrderChecks.MAX_REASON + " characters"));
        }
        List<RefundDraft.Line> drafts = new ArrayList<>();
        if (c.lines() == null || c.lines().isEmpty()) {
            problems.add(
                    new FieldProblem("lines", "required", "a refund needs 1 to " + OrderChecks.MAX_LINES + " lines"));
        } else if (c.lines().size() > OrderChecks.MAX_LINES) {
            problems.add(new FieldProblem("lines", "size", "a refund has at most " + OrderChecks.MAX_LINES + " lines"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < c.lines().size(); i++) {
                RefundDraft.Line line = refundLine(c.lines().get(i), "lines[" + i + "]", seen, problems);
                if (line != null) {
                    drafts.add(line);
                }
            }
        }
        return problems.size() > before ? null : new RefundDraft(c.refundId(), c.reason(), drafts);
    }

    private static RefundDraft.Line refundLine(
            RefundLineCommand l, String p, Set<String> seen, List<FieldProblem> problems) {
        if (l == null) {
            problems.add(new FieldProblem(p, "required", "a line must be an object"));
            return null;
        }
        int before = problems.size();
        if (OrderChecks.id(l.lineId(), p + ".line_id", problems) && !seen.add(l.lineId())) {
            problems.add(new FieldProblem(
                    p + ".line_id", "duplicate_line_id", "line_id '" + l.lineId() + "' appears twice"));
        }
        if ((l.quantity() == null) == (l.units() == null)) {
            problems.add(new FieldProblem(p, "invalid", "give either quantity or units"));
            return null;
        }
        if (l.quantity() != null) {
            OrderChecks.range(l.quantity(), 1, OrderChecks.MAX_QUANTITY, p + ".quantity", problems);
            return problems.size() > before
                    ? null
                    : new RefundDraft.Line(l.lineId(), l.quantity().intValue(), null);
        }
        if (l.units().isEmpty() || l.units().size() > OrderChecks.MAX_QUANTITY) {
            problems.add(
                    new FieldProblem(p + ".units", "size", "give 1 to " + OrderChecks.MAX_QUANTITY + " unit indexes"));
            return null;
        }
        Set<Integer> units = new HashSet<>();
        for (int k = 0; k < l.units().size(); k++) {
            Long u = l.units().get(k);
            String up = p + ".units[" + k + "]";
            if (u == null || u < 0 || u >= OrderChecks.MAX_QUANTITY) {
                problems.add(new FieldProblem(up, "out_of_range", "a unit index is between 0 and quantity - 1"));
            } else if (!units.add(u.intValue())) {
                problems.add(new FieldProblem(up, "duplicate_unit", "unit " + u + " appears twice"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<Integer> sorted = units.stream().sorted().toList();
        return new RefundDraft.Line(l.lineId(), sorted.size(), sorted);
    }
}
