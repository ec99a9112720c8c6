package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserve, confirm, cancel and expire. A reservation is decided in this node's memory
 * ({@link SessionLedger#take}), written by the group commit ({@link ReservationWriter}), and answered
 * only once durable. Transitions after that are plain transactions on the reservation row; they
 * move the stock columns and the customer's quota, then memory follows.
 */
@Component
class FlashSaleReservations {

    static final int MAX_QUANTITY = 1000;
    /** Customer and order ids as the shop sends them. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final SaleBook book;
    private final ReservationWriter writer;
    private final ReservationRows rows;
    private final ReservationIds ids;
    private final ReservationRateLimits rateLimits;
    private final PurchaseTokens tokens;
    private final StockLeases leases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration ttl;
    private final Duration commitTimeout;
    private final Duration leaseRetry;

    FlashSaleReservations(
            SaleBook book,
            ReservationWriter writer,
            ReservationRows rows,
            ReservationIds ids,
            ReservationRateLimits rateLimits,
            PurchaseTokens tokens,
            StockLeases leases,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${magpie.flashsale.reservation-ttl:PT15M}") Duration ttl,
            @Value("${magpie.flashsale.commit-timeout:PT10S}") Duration commitTimeout,
            @Value("${magpie.flashsale.lease-retry:PT0.5S}") Duration leaseRetry) {
        this.book = book;
        this.writer = writer;
        this.rows = rows;
        this.ids = ids;
        this.rateLimits = rateLimits;
        this.tokens = tokens;
        this.leases = leases;
        this.transactions = transactions;
        this.clock = clock;
        this.ttl = ttl;
        this.commitTimeout = commitTimeout;
        this.leaseRetry = leaseRetry;
    }

    /** The reservation, and whether it is a replay of an earlier request with the same key. */
    record Reserved(ReservationView view, boolean replayed) {}

    Reserved reserve(long tenantId, long sessionId, long itemId, ReserveCommand body, String key, String ip) {
        ReserveCommand cmd = valid(body, key);
        int quantity = cmd.quantity() == null ? 1 : cmd.quantity();
        rateLimit(tenantId, sessionId, cmd.customerId(), cmd.clientIp() != null ? cmd.clientIp() : ip);
        SessionLedger ledger = book.get(tenantId, sessionId);
        ItemLedger item = ledger.items.get(itemId);
        if (item == null) {
            throw ProblemException.notFound("flash sale item", itemId);
        }
        if (key == null) {
            return new Reserved(decideAndWrite(ledger, item, cmd, quantity, null), false);
        }
        var fresh =
                new SessionLedger.Keyed(itemId, cmd.customerId(), quantity, cmd.orderId(), new CompletableFuture<>());
        SessionLedger.Keyed first = ledger.keys.putIfAbsent(key, fresh);
        if (first != null) {
            if (!first.sameRequest(itemId, cmd.customerId(), quantity, cmd.orderId())) {
                throw reused();
            }
            return new Reserved(stored(tenantId, await(first.reservationId())), true);
        }
        try {
            ReservationView view = decideAndWrite(ledger, item, cmd, quantity, key);
            fresh.reservationId().complete(view.reservationId());
            return new Reserved(view, false);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.GATEWAY_TIMEOUT) {
                throw e; // the write may still land: the key stays, a retry waits for its outcome
            }
            ledger.keys.remove(key, fresh);
            fresh.reservationId().completeExceptionally(e);
            if (ReservationWriter.DUPLICATE_KEY.equals(e.code())) {
                // the key is on a reservation this node did not know about (another node, another run)
                ReservationView stored = rows.findByKey(tenantId, key).orElseThrow(ReservationWriter::unavailable);
                if (stored.sessionId() != sessionId
                        || stored.itemId() != itemId
                        || !stored.customerId().equals(cmd.customerId())
                        || stored.quantity() != quantity) {
                    throw reused();
                }
                return new Reserved(stored, true);
            }
            throw e;
        }
    }

    /** A purchase token for the customer, only while the session is running (409 not_started / ended). */
    PurchaseTokenView purchaseToken(long tenantId, long sessionId, PurchaseTokenCommand body, String ip) {
        String customer = body == null ? null : body.customerId();
        if (customer == null || customer.isBlank()) {
            throw ProblemException.invalidField("customer_id", "required", "customer_id is required");
        }
        if (!ID.matcher(customer).matches()) {
            throw ProblemException.invalidField(
                    "customer_id", "invalid_format", "customer_id: 1–64 of A-Z a-z 0-9 . _ : @ -");
        }
        String clientIp = validIp(body.clientIp());
        rateLimit(tenantId, sessionId, customer, clientIp != null ? clientIp : ip);
        SessionLedger ledger = book.get(tenantId, sessionId);
        Instant now = clock.instant();
        if (ledger.status == SessionStatus.CANCELLED || !now.isBefore(ledger.endsAt)) {
            throw FlashSaleProblems.refused(Refusal.ENDED);
        }
        if (now.isBefore(ledger.startsAt)) {
            throw FlashSaleProblems.refused(Refusal.NOT_STARTED);
        }
        var issued = tokens.issue(ledger, customer, now);
        return new PurchaseTokenView(
                sessionId, customer, issued.token(), issued.expiresAt(), ledger.purchaseTokenRequired);
    }

    private void rateLimit(long tenantId, long sessionId, String customer, String ip) {
        if (!rateLimits.allow(tenantId, customer, ip)) {
            book.peek(sessionId)
                    .filter(l -> l.tenantId == tenantId)
                    .ifPresent(l -> l.stats.refused(Refusal.RATE_LIMITED));
            throw FlashSaleProblems.refused(Refusal.RATE_LIMITED);
        }
    }

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static String validIp(String ip) {
        if (ip != null && !IP.matcher(ip).matches()) {
            throw ProblemException.invalidField(
                    "client_ip", "invalid_format", "client_ip: an IPv4 or IPv6 address (digits, hex, '.' and ':')");
        }
        return ip;
    }

    /** Decides a new request (not a replay) and waits until it is durable or refused. */
    private ReservationView decideAndWrite(
            SessionLedger ledger, ItemLedger item, ReserveCommand cmd, int quantity, String key) {
        String customer = cmd.customerId();
        String orderId = cmd.orderId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Refusal refusal = null;
        if (ledger.purchaseTokenRequired) {
            if (cmd.purchaseToken() == null) {
                refusal = Refusal.PURCHASE_TOKEN_REQUIRED;
            } else if (!tokens.valid(ledger, customer, cmd.purchaseToken(), now)) {
                refusal = Refusal.PURCHASE_TOKEN_INVALID;
            }
        }
        if (refusal == null) {
            refusal = ledger.take(item, customer, quantity, now);
        }
        // sold out here: more stock from PostgreSQL, a few times at most when others take it first
        for (int attempt = 0; refusal == Refusal.SOLD_OUT && attempt < 3 && topUp(ledger, item); attempt++) {
            refusal = ledger.take(item, customer, quantity, now);
        }
        if (refusal != null) {
            ledger.stats.refused(refusal);
            throw FlashSaleProblems.refused(refusal);
        }
        long id;
        try {
            id = ids.next();
        } catch (RuntimeException e) {
            ledger.giveBack(item, customer, quantity, true);
            throw ReservationWriter.unavailable();
        }
        Instant expiresAt = now.plus(ttl);
        var pending = new PendingReservation(
                id, ledger, item, customer, quantity, orderId, key, now, expiresAt, new CompletableFuture<>());
        writer.submit(pending);
        await(pending.done());
        return new ReservationView(
                id,
                ledger.sessionId,
                item.itemId,
                item.sku,
                customer,
                quantity,
                item.flashPrice,
                ReservationStatus.RESERVED,
                orderId,
                expiresAt,
                now,
                null,
                null,
                null);
    }

    /**
     * Asks PostgreSQL for more stock for this node. One request per item at a time; the others that
     * found memory sold out meanwhile wait for its answer. After an answer of nothing, not again for
     * {@code magpie.flashsale.lease-retry} (by then another node may have handed units back).
     */
    private boolean topUp(SessionLedger ledger, ItemLedger item) {
        while (true) {
            CompletableFuture<Integer> running = item.refill.get();
            if (running != null) {
                try {
                    return running.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS) > 0;
                } catch (ExecutionException | TimeoutException e) {
                    throw ReservationWriter.unavailable();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ReservationWriter.unavailable();
                }
            }
            if (System.nanoTime() - item.emptyAt < leaseRetry.toNanos()) {
                return false;
            }
            CompletableFuture<Integer> mine = new CompletableFuture<>();
            if (!item.refill.compareAndSet(null, mine)) {
                continue;
            }
            try {
                int added = leases.topUp(ledger.tenantId, item.itemId);
                item.elsewhere -= added;
                item.returnStock(added);
                if (added == 0) {
                    item.emptyAt = System.nanoTime();
                }
                item.refill.set(null);
                mine.complete(added);
                return added > 0;
            } catch (RuntimeException e) {
                item.emptyAt = System.nanoTime();
                item.refill.set(null);
                mine.completeExceptionally(e);
                throw ReservationWriter.unavailable();
            }
        }
    }

    private long await(CompletableFuture<Long> done) {
        try {
            return done.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            throw ReservationWriter.unavailable();
        } catch (TimeoutException e) {
            throw new ProblemException(
                    HttpStatus.GATEWAY_TIMEOUT,
                    "flash_sale_timeout",
                    "the reservation is still being stored; retry with the same Idempotency-Key for its outcome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReservationWriter.unavailable();
        }
    }

    private ReservationView stored(long tenantId, long id) {
        return rows.find(tenantId, id).orElseThrow(ReservationWriter::unavailable);
    }

    ReservationView get(long tenantId, long sessionId, long itemId, long id) {
        return rows.find(tenantId, id)
                .filter(r -> r.sessionId() == sessionId && r.itemId() == itemId)
                .orElseThrow(() -> ProblemException.notFound("reservation", id));
    }

    /** RESERVED → CONFIRMED (idempotent); a cancelled or expired reservation cannot be confirmed. */
    ReservationView confirm(long tenantId, long sessionId, long itemId, long id, ConfirmCommand body) {
        String orderId = body == null ? null : body.orderId();
        if (orderId != null && !ID.matcher(orderId).matches()) {
            throw ProblemException.invalidField(
                    "order_id", "invalid_format", "order_id: 1–64 of A-Z a-z 0-9 . _ : @ -");
        }
        transactions.executeWithoutResult(tx -> {
            var r = rows.lock(tenantId, sessionId, itemId, id)
                    .orElseThrow(() -> ProblemException.notFound("reservation", id));
            switch (r.status()) {
                case RESERVED -> rows.confirm(r, orderId, clock.instant());
                case CONFIRMED -> {}
                case CANCELLED ->
                    throw ProblemException.conflict("reservation_cancelled", "this reservation was cancelled");
                case EXPIRED ->
                    throw ProblemException.conflict(
                            "reservation_expired", "this reservation expired before it was paid");
            }
        });
        return get(tenantId, sessionId, itemId, id);
    }

    /** RESERVED → CANCELLED: the stock returns to sale (idempotent); a confirmed one is refunded elsewhere. */
    ReservationView cancel(long tenantId, long sessionId, long itemId, long id) {
        SessionLedger ledger =
                book.peek(sessionId).filter(l -> l.tenantId == tenantId).orElse(null);
        var released = transactions.execute(tx -> {
            var r = rows.lock(tenantId, sessionId, itemId, id)
                    .orElseThrow(() -> ProblemException.notFound("reservation", id));
            if (r.status() == ReservationStatus.CONFIRMED) {
                throw ProblemException.conflict(
                        "reservation_confirmed", "this reservation is paid; refund the order instead");
            }
            if (r.status() != ReservationStatus.RESERVED) {
                return null;
            }
            rows.release(r, ReservationStatus.CANCELLED, "cancelled", clock.instant(), sells(ledger), leases.nodeId());
            return r;
        });
        if (released != null) {
            giveBack(ledger, released);
        }
        return get(tenantId, sessionId, itemId, id);
    }

    /** Confirms the RESERVED reservations of a paid order; returns how many. */
    int confirmOrder(long tenantId, String orderId) {
        return transactions.execute(tx -> {
            var due = rows.lockReservedOfOrder(tenantId, orderId);
            Instant now = clock.instant();
            due.forEach(r -> rows.confirm(r, null, now));
            return due.size();
        });
    }

    /** Cancels the RESERVED reservations of a cancelled order; returns how many. */
    int cancelOrder(long tenantId, String orderId) {
        List<ReservationRows.Locked> released = new ArrayList<>();
        List<SessionLedger> ledgers = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            for (var r : rows.lockReservedOfOrder(tenantId, orderId)) {
                SessionLedger ledger = book.peek(r.sessionId()).orElse(null);
                rows.release(r, ReservationStatus.CANCELLED, "order_cancelled", now, sells(ledger), leases.nodeId());
                released.add(r);
                ledgers.add(ledger);
            }
        });
        for (int i = 0; i < released.size(); i++) {
            giveBack(ledgers.get(i), released.get(i));
        }
        return released.size();
    }

    /** Expires up to {@code batch} reservations past their time; returns how many. */
    int expireDue(int batch) {
        List<ReservationRows.Locked> released = new ArrayList<>();
        List<SessionLedger> ledgers = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            for (var r : rows.lockDue(now, batch)) {
                SessionLedger ledger = book.peek(r.sessionId()).orElse(null);
                rows.release(r, ReservationStatus.EXPIRED, "payment_timeout", now, sells(ledger), leases.nodeId());
                released.add(r);
                ledgers.add(ledger);
            }
        });
        for (int i = 0; i < released.size(); i++) {
            giveBack(ledgers.get(i), released.get(i));
        }
        return released.size();
    }

    /** Returned units go to this node's lease only when this node is selling the session from memory. */
    private static boolean sells(SessionLedger ledger) {
        return ledger != null && ledger.status == SessionStatus.PUBLISHED;
    }

    private static void giveBack(SessionLedger ledger, ReservationRows.Locked r) {
        if (ledger == null) {
            return;
        }
        ItemLedger item = ledger.items.get(r.itemId());
        if (item != null) {
            ledger.giveBack(item, r.customerId(), r.quantity(), sells(ledger));
        }
    }

    /** A reserve request checked in full (also by the benchmark peer, so that only the approach differs). */
    static ReserveCommand valid(ReserveCommand body, String key) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (body == null) {
            throw ProblemException.invalidField("customer_id", "required", "customer_id is required");
        }
        if (body.customerId() == null || body.customerId().isBlank()) {
            problems.add(new ProblemException.FieldProblem("customer_id", "required", "customer_id is required"));
        } else if (!ID.matcher(body.customerId()).matches()) {
            problems.add(new ProblemException.FieldProblem(
                    "customer_id", "invalid_format", "customer_id: 1–64 of A-Z a-z 0-9 . _ : @ -"));
        }
        if (body.quantity() != null && (body.quantity() < 1 || body.quantity() > MAX_QUANTITY)) {
            problems.add(new ProblemException.FieldProblem(
                    "quantity", "out_of_range", "quantity must be between 1 and " + MAX_QUANTITY));
        }
        if (body.orderId() != null && !ID.matcher(body.orderId()).matches()) {
            problems.add(new ProblemException.FieldProblem(
                    "order_id", "invalid_format", "order_id: 1–64 of A-Z a-z 0-9 . _ : @ -"));
        }
        if (body.clientIp() != null && !IP.matcher(body.clientIp()).matches()) {
            problems.add(new ProblemException.FieldProblem(
                    "client_ip", "invalid_format", "client_ip: an IPv4 or IPv6 address (digits, hex, '.' and ':')"));
        }
        if (body.purchaseToken() != null
                && (body.purchaseToken().isEmpty() || body.purchaseToken().length() > 100)) {
            problems.add(new ProblemException.FieldProblem(
                    "purchase_token", "invalid_length", "purchase_token: 1–100 characters"));
        }
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ProblemException.badRequest("invalid_idempotency_key", "Idempotency-Key must be 1 to 255 characters");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "validation_failed", problems.get(0).message(), problems);
        }
        return body;
    }

    private static ProblemException reused() {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency_key_reused",
                "this Idempotency-Key was used for a different request");
    }
}
