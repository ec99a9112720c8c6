package io.magpie.commerce;

import io.magpie.commerce.OrderCatalog.SkuRef;
import io.magpie.commerce.OrderPricing.Priced;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    /** A checked order with everything resolved that its rows need. */
    private record Prepared(
            OrderDraft draft, String hash, Instant orderedAt, Long storeId, List<SkuRef> skus, Priced priced) {}

    /** A problem found while resolving an order; {@code field} is its full JSON path. */
    private record Issue(HttpStatus status, String code, String field, String message, String value) {}

    private final OrderRows rows;
    private final OrderViews views;
    private final OrderCatalog catalog;
    private final OrderCustomers customers;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderIntake(
            OrderRows rows,
            OrderViews views,
            OrderCatalog catalog,
            OrderCustomers customers,
            Tenants tenants,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.views = views;
        this.catalog = catalog;
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
        List<Issue> issues = new ArrayList<>();
        List<Prepared> prepared = prepare(tenantId, currency, List.of(draft), List.of(hash), List.of(""), now, issues);
        if (!issues.isEmpty()) {
            throw single(issues);
        }
        Prepared p = prepared.get(0);
        Map<String, Long> ids = insert(tenantId, currency, prepared);
        if (!ids.containsKey(draft.orderNo())) {
            // a concurrent request created it between our read and our insert
            String winner = rows.hashes(tenantId, List.of(draft.orderNo())).get(draft.orderNo());
            return existing(tenantId, draft.orderNo(), hash, winner);
        }
        return new Outcome(newView(p, currency), true);
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
        List<String> hashes = drafts.stream()
                .map(d -> RequestHashes.order(d, d.currency() == null ? currency : d.currency()))
                .toList();
        Map<String, String> stored = rows.hashes(tenantId, seen);

        List<OrderDraft> fresh = new ArrayList<>();
        List<String> freshHashes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            String s = stored.get(drafts.get(i).orderNo());
            if (s == null) {
                fresh.add(drafts.get(i));
                freshHashes.add(hashes.get(i));
                paths.add("orders[" + i + "]");
            } else if (!s.equals(hashes.get(i))) {
                conflicts.add(drafts.get(i).orderNo());
            }
        }
        List<Issue> issues = new ArrayList<>();
        List<Prepared> prepared = prepare(tenantId, currency, fresh, freshHashes, paths, now, issues);
        if (!issues.isEmpty()) {
            throw OrderChecks.invalid(issues.stream()
                    .map(i -> new FieldProblem(i.field(), i.code(), i.message()))
                    .toList());
        }
        if (!conflicts.isEmpty()) {
            throw conflict(conflicts);
        }
        Map<String, Long> ids = insert(tenantId, currency, prepared);
        if (ids.size() < prepared.size()) {
            // concurrent requests created some of them first: identical ones count as existing
            Set<String> raced = prepared.stream()
                    .map(p -> p.draft().orderNo())
                    .filter(no -> !ids.containsKey(no))
                    .collect(Collectors.toSet());
            Map<String, String> winners = rows.hashes(tenantId, raced);
            List<String> lost = prepared.stream()
                    .filter(p -> raced.contains(p.draft().orderNo()))
                    .filter(p -> !p.hash().equals(winners.get(p.draft().orderNo())))
                    .map(p -> p.draft().orderNo())
                    .toList();
            if (!lost.isEmpty()) {
                throw conflict(lost);
            }
        }
        List<BulkOutcome.BulkOrderResult> results = new ArrayList<>(drafts.size());
        int created = 0;
        for (OrderDraft d : drafts) {
            boolean isNew = ids.containsKey(d.orderNo());
            created += isNew ? 1 : 0;
            results.add(new BulkOutcome.BulkOrderResult(d.orderNo(), isNew ? "created" : "existing"));
        }
        return new BulkOutcome(created, drafts.size() - created, results);
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

    /** Resolves stores and SKUs with one query each for all drafts, and prices every order. */
    private List<Prepared> prepare(
            long tenantId,
            String currency,
            List<OrderDraft> drafts,
            List<String> hashes,
            List<String> paths,
            Instant now,
            List<Issue> issues) {
        Set<String> storeCodes = new HashSet<>();
        Set<String> skuCodes = new HashSet<>();
        for (OrderDraft d : drafts) {
            if (d.store() != null) {
                storeCodes.add(d.store());
            }
            d.lines().forEach(l -> skuCodes.add(l.sku()));
        }
        Map<String, Long> stores = catalog.stores(tenantId, storeCodes);
        Map<String, SkuRef> skus = catalog.skus(tenantId, skuCodes);
        Instant defaultOrderedAt = now.truncatedTo(ChronoUnit.MICROS);
        List<Prepared> prepared = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            OrderDraft d = drafts.get(i);
            String p = paths.get(i).isEmpty() ? "" : paths.get(i) + ".";
            int before = issues.size();
            if (d.currency() != null && !d.currency().equals(currency)) {
                issues.add(new Issue(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "currency_mismatch",
                        p + "currency",
                        "must be the tenant's currency " + currency,
                        d.currency()));
            }
            Long storeId = d.store() == null ? null : stores.get(d.store());
            if (d.store() != null && storeId == null) {
                issues.add(new Issue(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown_store",
                        p + "store",
                        "no store with code '" + d.store() + "'",
                        d.store()));
            }
            List<SkuRef> refs = new ArrayList<>(d.lines().size());
            for (int k = 0; k < d.lines().size(); k++) {
                SkuRef ref = skus.get(d.lines().get(k).sku());
                if (ref == null) {
                    String sku = d.lines().get(k).sku();
                    issues.add(new Issue(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "unknown_sku",
                            p + "lines[" + k + "].sku",
                            "no SKU with code '" + sku + "'",
                            sku));
                }
                refs.add(ref);
            }
            Priced priced = null;
            try {
                priced = OrderPricing.price(d.lines(), d.discount(), d.freight());
            } catch (OrderPricing.Rejected r) {
                issues.add(new Issue(r.status, r.code, p + r.field, r.getMessage(), null));
            }
            if (issues.size() == before) {
                Instant orderedAt = d.orderedAt() == null ? defaultOrderedAt : d.orderedAt();
                prepared.add(new Prepared(d, hashes.get(i), orderedAt, storeId, refs, priced));
            }
        }
        return prepared;
    }

    /**
     * The 4xx for the issues of a single order: every issue of the first kind found, under that
     * kind's code, so {@code unknown_sku} lists all the unknown codes at once.
     */
    private static ProblemException single(List<Issue> issues) {
        Issue first = issues.get(0);
        List<Issue> same =
                issues.stream().filter(i -> i.code().equals(first.code())).toList();
        String detail = first.code().equals("unknown_sku")
                ? "unknown SKU codes: "
                        + same.stream().map(Issue::value).distinct().collect(Collectors.joining(", "))
                : first.message();
        return new ProblemException(
                first.status(),
                first.code(),
                detail,
                same.stream()
                        .map(i -> new FieldProblem(i.field(), i.code(), i.message()))
                        .toList());
    }

    /** Inserts the orders not inserted concurrently, their lines, and publishes their creation. */
    private Map<String, Long> insert(long tenantId, String currency, List<Prepared> prepared) {
        Set<String> customerIds = new LinkedHashSet<>();
        prepared.forEach(p -> {
            if (p.draft().customerId() != null) {
                customerIds.add(p.draft().customerId());
            }
        });
        Map<String, Long> customerRows = customerIds.size() == 1
                ? Map.of(
                        customerIds.iterator().next(),
                        customers.ensure(tenantId, customerIds.iterator().next()))
                : customers.ensureAll(tenantId, customerIds);
        // one lock order for every request, so two bulk intakes cannot deadlock on each other's keys
        List<Prepared> sorted = prepared.stream()
                .sorted(Comparator.comparing(p -> p.draft().orderNo()))
                .toList();
        List<OrderRows.NewOrder> orderRows = new ArrayList<>(sorted.size());
        for (Prepared p : sorted) {
            OrderDraft d = p.draft();
            orderRows.add(new OrderRows.NewOrder(
                    d.orderNo(),
                    d.customerId() == null ? null : customerRows.get(d.customerId()),
                    p.storeId(),
                    d.channel(),
                    p.priced().subtotal(),
                    p.priced().discount(),
                    p.priced().freight(),
                    p.priced().total(),
                    p.hash(),
                    p.orderedAt()));
        }
        Map<String, Long> ids = rows.insert(tenantId, currency, orderRows);
        List<OrderRows.NewLine> lineRows = new ArrayList<>();
        List<OrderCreated> createdEvents = new ArrayList<>(ids.size());
        Map<String, Long> inserted = new HashMap<>();
        for (Prepared p : prepared) {
            Long orderId = ids.get(p.draft().orderNo());
            if (orderId == null) {
                continue;
            }
            inserted.put(p.draft().orderNo(), orderId);
            List<OrderDraft.Line> lines = p.draft().lines();
            for (int k = 0; k < lines.size(); k++) {
                OrderDraft.Line l = lines.get(k);
                SkuRef ref = p.skus().get(k);
                lineRows.add(new OrderRows.NewLine(
                        orderId,
                        l.lineNo(),
                        ref.skuId(),
                        l.sku(),
                        ref.productId(),
                        ref.categoryId(),
                        l.quantity(),
                        l.unitPrice(),
                        p.priced().lineDiscounts()[k],
                        p.priced().lineAmounts()[k]));
            }
            createdEvents.add(created(tenantId, currency, p));
        }
        if (!lineRows.isEmpty()) {
            rows.insertLines(tenantId, lineRows);
        }
        createdEvents.forEach(events::publishEvent);
        return inserted;
    }

    private static OrderCreated created(long tenantId, String currency, Prepared p) {
        OrderDraft d = p.draft();
        List<OrderLine> lines = new ArrayList<>(d.lines().size());
        for (int k = 0; k < d.lines().size(); k++) {
            OrderDraft.Line l = d.lines().get(k);
            SkuRef ref = p.skus().get(k);
            lines.add(new OrderLine(
                    l.lineNo(),
                    l.sku(),
                    ref.productCode(),
                    ref.categoryId(),
                    l.quantity(),
                    l.unitPrice(),
                    p.priced().lineDiscounts()[k],
                    p.priced().lineAmounts()[k]));
        }
        return new OrderCreated(
                tenantId,
                d.orderNo(),
                d.customerId(),
                d.store(),
                d.channel(),
                currency,
                p.priced().subtotal(),
                p.priced().discount(),
                p.priced().freight(),
                p.priced().total(),
                p.orderedAt(),
                lines);
    }

    private static OrderView newView(Prepared p, String currency) {
        OrderDraft d = p.draft();
        List<OrderView.OrderLineView> lines = new ArrayList<>(d.lines().size());
        for (int k = 0; k < d.lines().size(); k++) {
            OrderDraft.Line l = d.lines().get(k);
            lines.add(new OrderView.OrderLineView(
                    l.lineNo(),
                    l.sku(),
                    p.skus().get(k).productCode(),
                    l.quantity(),
                    l.unitPrice(),
                    p.priced().lineDiscounts()[k],
                    p.priced().lineAmounts()[k],
                    0,
                    0));
        }
        return new OrderView(
                d.orderNo(),
                OrderStatus.CREATED,
                d.customerId(),
                d.store(),
                d.channel(),
                currency,
                p.priced().subtotal(),
                p.priced().discount(),
                p.priced().freight(),
                p.priced().total(),
                0,
                p.orderedAt(),
                null,
                null,
                null,
                List.copyOf(lines),
                List.of());
    }
}
