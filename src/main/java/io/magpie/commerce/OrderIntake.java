package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in the merchant's orders, one or a thousand at a time. Creating is idempotent by the
 * merchant's order id: the same request again answers with the stored order, a different one with
 * the same id is a conflict. The unique key on (tenant, order id) settles concurrent duplicates.
 */
@Service
class OrderIntake {

    /** The order and whether this call created it (false: it existed with an identical request). */
    record Outcome(OrderView view, boolean created) {}

    /** The answer of a bulk intake, in request order. */
    record BulkOutcome(int created, int existing, List<BulkOrderResult> results) {
        record BulkOrderResult(String orderId, String result) {}
    }

    private final OrderRows rows;
    private final OrderViews views;
    private final OrderPreparation preparation;
    private final CustomerDirectory customers;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderIntake(
            OrderRows rows,
            OrderViews views,
            OrderPreparation preparation,
            CustomerDirectory customers,
            Tenants tenants,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.views = views;
        this.preparation = preparation;
        this.customers = customers;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Outcome create(long tenantId, OrderCommand command) {
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft draft = OrderChecks.order(command, "", now, problems);
        if (draft == null) {
            throw OrderChecks.invalid(problems);
        }
        String currency = tenants.get(tenantId).currency();
        if (draft.currency() != null && !draft.currency().equals(currency)) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "currency_mismatch",
                    "orders are in the tenant's currency " + currency + ", not " + draft.currency(),
                    List.of(new FieldProblem("currency", "currency_mismatch", "must be " + currency)));
        }
        String hash = RequestHashes.order(draft, currency);
        String stored = rows.hashes(tenantId, List.of(draft.orderNo())).get(draft.orderNo());
        if (stored != null) {
            return existing(tenantId, draft.orderNo(), hash, stored);
        }
        var result = preparation.prepare(tenantId, currency, List.of(draft), List.of(hash), List.of(""), now);
        if (!result.issues().isEmpty()) {
            throw OrderPreparation.single(result.issues());
        }
        Map<String, Long> ids = insert(tenantId, currency, result.orders(), now);
        if (!ids.containsKey(draft.orderNo())) {
            // a concurrent request created it between our read and our insert
            String winner = rows.hashes(tenantId, List.of(draft.orderNo())).get(draft.orderNo());
            return existing(tenantId, draft.orderNo(), hash, winner);
        }
        return new Outcome(result.orders().get(0).view(currency), true);
    }

    @Transactional
    BulkOutcome createAll(long tenantId, BulkOrdersCommand command) {
        Instant now = clock.instant();
        List<OrderCommand> orders = command == null ? null : command.orders();
        if (orders == null || orders.isEmpty() || orders.size() > OrderChecks.MAX_BULK_ORDERS) {
            throw ProblemException.invalidField(
                    "orders", "size", "give 1 to " + OrderChecks.MAX_BULK_ORDERS + " orders");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<OrderDraft> drafts = new ArrayList<>(orders.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderDraft d = OrderChecks.order(orders.get(i), "orders[" + i + "]", now, problems);
            if (d != null && !seen.add(d.orderNo())) {
                problems.add(new FieldProblem(
                        "orders[" + i + "].order_id",
                        "duplicate_order_id",
                        "order_id '" + d.orderNo() + "' appears twice in this request"));
            }
            drafts.add(d);
        }
        if (!problems.isEmpty()) {
            throw OrderChecks.invalid(problems);
        }
        String currency = tenants.get(tenantId).currency();
        Map<String, String> stored = rows.hashes(tenantId, seen);
        List<OrderDraft> fresh = new ArrayList<>();
        List<String> freshHashes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            OrderDraft d = drafts.get(i);
            String hash = RequestHashes.order(d, d.currency() == null ? currency : d.currency());
            String s = stored.get(d.orderNo());
            if (s == null) {
                fresh.add(d);
                freshHashes.add(hash);
                paths.add("orders[" + i + "]");
            } else if (!s.equals(hash)) {
                conflicts.add(d.orderNo());
            }
        }
        var result = preparation.prepare(tenantId, currency, fresh, freshHashes, paths, now);
        if (!result.issues().isEmpty()) {
            throw OrderPreparation.bulk(result.issues());
        }
        if (!conflicts.isEmpty()) {
            throw conflict(conflicts);
        }
        Map<String, Long> ids = insert(tenantId, currency, result.orders(), now);
        if (ids.size() < result.orders().size()) {
            rejectLostRaces(tenantId, result.orders(), ids);
        }
        List<BulkOutcome.BulkOrderResult> results = new ArrayList<>(drafts.size());
        for (OrderDraft d : drafts) {
            results.add(new BulkOutcome.BulkOrderResult(
                    d.orderNo(), ids.containsKey(d.orderNo()) ? "created" : "existing"));
        }
        return new BulkOutcome(ids.size(), drafts.size() - ids.size(), results);
    }

    /** Orders that concurrent requests created first count as existing when identical, else conflict. */
    private void rejectLostRaces(long tenantId, List<PreparedOrder> prepared, Map<String, Long> inserted) {
        Set<String> raced = prepared.stream()
                .map(PreparedOrder::orderNo)
                .filter(no -> !inserted.containsKey(no))
                .collect(Collectors.toSet());
        Map<String, String> winners = rows.hashes(tenantId, raced);
        List<String> lost = prepared.stream()
                .filter(p -> raced.contains(p.orderNo()))
                .filter(p -> !p.hash().equals(winners.get(p.orderNo())))
                .map(PreparedOrder::orderNo)
                .toList();
        if (!lost.isEmpty()) {
            throw conflict(lost);
        }
    }

    private Outcome existing(long tenantId, String orderNo, String hash, String stored) {
        if (!hash.equals(stored)) {
            throw conflict(List.of(orderNo));
        }
        return new Outcome(views.find(tenantId, orderNo).orElseThrow(), false);
    }

    private static ProblemException conflict(List<String> orderNos) {
        String listed = orderNos.stream().limit(50).collect(Collectors.joining(", "));
        return new ProblemException(
                HttpStatus.CONFLICT,
                "order_conflict",
                "orders already exist with a different request: " + listed
                        + (orderNos.size() > 50 ? " and " + (orderNos.size() - 50) + " more" : ""),
                orderNos.stream()
                        .limit(OrderChecks.MAX_REPORTED)
                        .map(no -> new FieldProblem("order_id", "order_conflict", no))
                        .toList());
    }

    /**
     * Inserts the orders that no concurrent request inserted first, with their lines, and publishes
     * their creation: customers, orders and lines take one or two statements each, whatever the count.
     */
    private Map<String, Long> insert(long tenantId, String currency, List<PreparedOrder> prepared, Instant now) {
        Set<String> customerIds = new LinkedHashSet<>();
        prepared.forEach(p -> {
            if (p.draft().customerId() != null) {
                customerIds.add(p.draft().customerId());
            }
        });
        Map<String, Long> customerRows = customerIds.size() == 1
                ? Map.of(
                        customerIds.iterator().next(),
                        customers.ensureCustomer(
                                tenantId, customerIds.iterator().next()))
                : customers.ensureAll(tenantId, customerIds);
        // one lock order for every request, so two bulk intakes cannot deadlock on each other's keys
        List<OrderRows.NewOrder> orderRows = prepared.stream()
                .sorted(Comparator.comparing(PreparedOrder::orderNo))
                .map(p -> p.row(
                        p.draft().customerId() == null
                                ? null
                                : customerRows.get(p.draft().customerId())))
                .toList();
        Map<String, Long> ids = rows.insert(tenantId, currency, orderRows, now);
        List<OrderRows.NewLine> lineRows = new ArrayList<>();
        List<OrderRows.NewPromotion> promotionRows = new ArrayList<>();
        List<OrderCreated> created = new ArrayList<>(ids.size());
        for (PreparedOrder p : prepared) {
            Long orderId = ids.get(p.orderNo());
            if (orderId != null) {
                lineRows.addAll(p.lineRows(orderId));
                promotionRows.addAll(p.promotionRows(orderId));
                created.add(p.created(tenantId, currency));
            }
        }
        if (!lineRows.isEmpty()) {
            rows.insertLines(tenantId, lineRows);
        }
        if (!promotionRows.isEmpty()) {
            rows.insertPromotions(tenantId, promotionRows);
        }
        created.forEach(events::publishEvent);
        return ids;
    }
}
