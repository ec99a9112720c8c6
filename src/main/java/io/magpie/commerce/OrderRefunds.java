package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds of paid orders by quantity or by unit. Each unit is worth its {@link UnitShares} share of
 * the line amount, so refunding all units returns exactly what was paid for the lines. The order row
 * is locked for the whole refund: concurrent refunds of one order queue and can never over-refund.
 */
@Service
class OrderRefunds {

    /** The refund and whether this call created it (false: an identical replay). */
    record Outcome(RefundView view, boolean created) {}

    private final OrderRows orders;
    private final RefundRows refunds;
    private final OrderViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderRefunds(
            OrderRows orders, RefundRows refunds, OrderViews views, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Outcome refund(long tenantId, String orderNo, RefundCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        RefundDraft draft = RefundChecks.refund(command, problems);
        if (draft == null) {
            throw OrderChecks.invalid(problems);
        }
        String hash = RequestHashes.refund(draft);
        OrderRows.Locked order =
                orders.lock(tenantId, orderNo).orElseThrow(() -> ProblemException.notFound("order", orderNo));
        var stored = refunds.hash(tenantId, order.id(), draft.refundNo());
        if (stored.isPresent()) {
            if (!stored.get().equals(hash)) {
                throw ProblemException.conflict(
                        "refund_conflict", "refund '" + draft.refundNo() + "' already exists with a different request");
            }
            return new Outcome(view(tenantId, order.id(), draft.refundNo()), false);
        }
        if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_REFUNDED) {
            throw OrderTransitions.illegal(order.status(), "refunded");
        }
        Map<String, RefundRows.Line> lines = refunds.lines(tenantId, order.id());
        List<RefundRows.NewLine> refundLines = new ArrayList<>(draft.lines().size());
        List<RefundedLine> eventLines = new ArrayList<>(draft.lines().size());
        long amount = 0;
        for (int i = 0; i < draft.lines().size(); i++) {
            RefundDraft.Line requested = draft.lines().get(i);
            RefundRows.Line line = lines.get(requested.lineNo());
            if (line == null) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown_line_id",
                        "the order has no line '" + requested.lineNo() + "'",
                        List.of(new FieldProblem("lines[" + i + "].line_id", "unknown_line_id", requested.lineNo())));
            }
            List<Integer> units = units(requested, line, "lines[" + i + "]");
            long lineAmount = UnitShares.sum(line.amount(), line.quantity(), units);
            amount += lineAmount;
            units.forEach(line.refunded()::set);
            refundLines.add(new RefundRows.NewLine(line.id(), units, lineAmount));
            eventLines.add(new RefundedLine(line.lineNo(), line.sku(), units.size(), units, lineAmount));
        }
        boolean all = lines.values().stream().allMatch(l -> l.refundedQuantity() == l.quantity());
        OrderStatus status = all ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        refunds.insert(tenantId, order.id(), draft.refundNo(), draft.reason(), hash, at, amount, refundLines, status);
        events.publishEvent(
                new OrderRefunded(tenantId, orderNo, draft.refundNo(), order.customerId(), amount, eventLines, at));
        return new Outcome(view(tenantId, order.id(), draft.refundNo()), true);
    }

    /** The units this line of the request returns, ascending; refused when they are not there to return. */
    private static List<Integer> units(RefundDraft.Line requested, RefundRows.Line line, String at) {
        BitSet refunded = line.refunded();
        if (requested.units() == null) {
            int remaining = line.quantity() - refunded.cardinality();
            if (requested.quantity() > remaining) {
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "refund_exceeds_quantity",
                        "line '" + line.lineNo() + "' has " + remaining + " unrefunded units, not "
                                + requested.quantity(),
                        List.of(new FieldProblem(at + ".quantity", "refund_exceeds_quantity", "at most " + remaining)));
            }
            List<Integer> units = new ArrayList<>(requested.quantity());
            for (int u = refunded.nextClearBit(0);
                    units.size() < requested.quantity();
                    u = refunded.nextClearBit(u + 1)) {
                units.add(u);
            }
            return units;
        }
        for (int u : requested.units()) {
            if (u >= line.quantity()) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unit_out_of_range",
                        "line '" + line.lineNo() + "' has units 0 to " + (line.quantity() - 1) + ", not " + u,
                        List.of(new FieldProblem(at + ".units", "unit_out_of_range", String.valueOf(u))));
            }
            if (refunded.get(u)) {
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "unit_already_refunded",
                        "unit " + u + " of line '" + line.lineNo() + "' was already refunded",
                        List.of(new FieldProblem(at + ".units", "unit_already_refunded", String.valueOf(u))));
            }
        }
        return requested.units();
    }

    private RefundView view(long tenantId, long orderId, String refundNo) {
        return views.refund(tenantId, orderId, refundNo).orElseThrow();
    }
}
