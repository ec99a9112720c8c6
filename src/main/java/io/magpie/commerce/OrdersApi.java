package io.magpie.commerce;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The order intake API: the merchant tells Magpie about each order's life. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Orders with lines; payment, cancellation and refunds by unit")
class OrdersApi {

    private final OrderIntake intake;
    private final OrderTransitions transitions;
    private final OrderRefunds refunds;
    private final OrderViews views;

    OrdersApi(OrderIntake intake, OrderTransitions transitions, OrderRefunds refunds, OrderViews views) {
        this.intake = intake;
        this.transitions = transitions;
        this.refunds = refunds;
        this.views = views;
    }

    @PostMapping
    @PreAuthorize(Scopes.CAN_WRITE_ORDERS)
    @Operation(
            summary = "Create an order",
            description = "201 when created; 200 with the stored order when the same order_id arrives with an"
                    + " identical request; 409 order_conflict when it arrives with a different one.")
    ResponseEntity<OrderView> create(@RequestBody OrderCommand body) {
        OrderIntake.Outcome outcome = intake.create(Tenancy.currentTenantId(), body);
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.view());
        }
        return ResponseEntity.created(location(outcome.view().orderId())).body(outcome.view());
    }

    @PostMapping("/bulk")
    @PreAuthorize(Scopes.CAN_WRITE_ORDERS)
    @Operation(
            summary = "Create up to 1000 orders at once",
            description = "All or nothing: any invalid order fails the whole request with every problem by path;"
                    + " orders already present with an identical request count as existing.")
    OrderIntake.BulkOutcome bulk(@RequestBody BulkOrdersCommand body) {
        return intake.createAll(Tenancy.currentTenantId(), body);
    }

    @GetMapping("/{orderId}")
    @PreAuthorize(Scopes.CAN_READ_ORDERS)
    @Operation(summary = "One order with its lines and refunds")
    OrderView get(@PathVariable String orderId) {
        return views.find(Tenancy.currentTenantId(), orderId)
                .orElseThrow(() -> ProblemException.notFound("order", orderId));
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_ORDERS)
    @Operation(summary = "Orders, newest first; ordered_at filtered by from (inclusive) and to (exclusive)")
    CursorPage<OrderView> list(
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        long after = CursorPage.after(cursor);
        List<FieldProblem> problems = new ArrayList<>();
        OrderStatus s = status(status, problems);
        Instant fromAt = OrderChecks.instant(from, "from", problems);
        Instant toAt = OrderChecks.instant(to, "to", problems);
        if (!problems.isEmpty()) {
            throw OrderChecks.invalid(problems);
        }
        var rows =
                views.list(Tenancy.currentTenantId(), new OrderViews.Filter(s, customerId, fromAt, toAt), n + 1, after);
        CursorPage<OrderViews.Listed> page = CursorPage.of(rows, n, OrderViews.Listed::id);
        return new CursorPage<>(
                page.items().stream().map(OrderViews.Listed::view).toList(), page.nextCursor());
    }

    @PostMapping("/{orderId}/pay")
    @PreAuthorize(Scopes.CAN_WRITE_ORDERS)
    @Operation(summary = "Mark a created order paid; repeating it changes nothing")
    OrderView pay(@PathVariable String orderId, @RequestBody(required = false) PayCommand body) {
        return transitions.pay(Tenancy.currentTenantId(), orderId, body);
    }

    @PostMapping("/{orderId}/cancel")
    @PreAuthorize(Scopes.CAN_WRITE_ORDERS)
    @Operation(summary = "Cancel an unpaid order (or record its payment timeout); repeating it changes nothing")
    OrderView cancel(@PathVariable String orderId, @RequestBody(required = false) CancelCommand body) {
        return transitions.cancel(Tenancy.currentTenantId(), orderId, body);
    }

    @PostMapping("/{orderId}/refunds")
    @PreAuthorize(Scopes.CAN_WRITE_ORDERS)
    @Operation(
            summary = "Refund units of a paid order",
            description = "Lines by quantity (lowest unrefunded units first) or by 0-based unit indexes;"
                    + " idempotent by refund_id.")
    ResponseEntity<RefundView> refund(@PathVariable String orderId, @RequestBody RefundCommand body) {
        OrderRefunds.Outcome outcome = refunds.refund(Tenancy.currentTenantId(), orderId, body);
        if (!outcome.created()) {
            return ResponseEntity.ok(outcome.view());
        }
        return ResponseEntity.created(location(orderId)).body(outcome.view());
    }

    private static OrderStatus status(String status, List<FieldProblem> problems) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    "status", "invalid_value", "allowed: " + java.util.Arrays.toString(OrderStatus.values())));
            return null;
        }
    }

    private static URI location(String orderId) {
        return URI.create("/api/v1/orders/" + orderId);
    }
}
