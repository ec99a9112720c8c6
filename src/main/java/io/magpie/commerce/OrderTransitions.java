package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment and cancellation of an order. Each runs on the locked order row; repeating a transition
 * that already happened answers the order unchanged and publishes nothing.
 */
@Service
class OrderTransitions {

    private final OrderRows rows;
    private final OrderViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderTransitions(OrderRows rows, OrderViews views, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    OrderView pay(long tenantId, String orderNo, PayCommand command) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Instant paidAt = OrderChecks.instant(command == null ? null : command.paidAt(), "paid_at", now, problems);
        if (!problems.isEmpty()) {
            throw OrderChecks.invalid(problems);
        }
        OrderRows.Locked order = lock(tenantId, orderNo);
        if (order.status() == OrderStatus.CANCELLED) {
            throw illegal(order.status(), "paid");
        }
        if (order.status() == OrderStatus.CREATED) {
            Instant at = paidAt == null ? now.truncatedTo(ChronoUnit.MICROS) : paidAt;
            rows.markPaid(order.id(), at, now);
            events.publishEvent(new OrderPaid(tenantId, orderNo, order.customerId(), order.total(), at));
        }
        return views.find(tenantId, orderNo).orElseThrow();
    }

    @Transactional
    OrderView cancel(long tenantId, String orderNo, CancelCommand command) {
        String reason = OrderChecks.reason(command == null ? null : command.reason());
        OrderRows.Locked order = lock(tenantId, orderNo);
        if (order.status().paid()) {
            throw illegal(order.status(), "cancelled; refund a paid order instead");
        }
        if (order.status() == OrderStatus.CREATED) {
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            rows.markCancelled(order.id(), at, reason);
            events.publishEvent(new OrderCancelled(tenantId, orderNo, order.customerId(), reason, at));
        }
        return views.find(tenantId, orderNo).orElseThrow();
    }

    private OrderRows.Locked lock(long tenantId, String orderNo) {
        return rows.lock(tenantId, orderNo).orElseThrow(() -> ProblemException.notFound("order", orderNo));
    }

    static ProblemException illegal(OrderStatus status, String what) {
        return ProblemException.conflict("illegal_transition", "the order is " + status + " and cannot be " + what);
    }
}
