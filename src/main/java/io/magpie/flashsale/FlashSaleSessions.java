package io.magpie.flashsale;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.AuditLog;
import io.magpie.tenant.Tenants;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's side of flash sales: sessions and items (editable until the sale starts),
 * publishing and cancelling, and the reservations made. Every change is validated in full first,
 * then written in one transaction; memory is rebuilt from it afterwards.
 */
@Service
public class FlashSaleSessions {

    static final int MAX_NAME = 200;
    static final int MAX_STOCK = 10_000_000;
    static final int MAX_LIMIT = 1000;
    static final long MAX_PRICE = 10_000_000_000L;
    /** Session times PostgreSQL and the console can hold: years 1970 to 9999. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final FlashSaleRows rows;
    private final ReservationRows reservations;
    private final SaleBook book;
    private final LiveCatalog catalog;
    private final Tenants tenants;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FlashSaleSessions(
            FlashSaleRows rows,
            ReservationRows reservations,
            SaleBook book,
            LiveCatalog catalog,
            Tenants tenants,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.audit = audit;
        this.rows = rows;
        this.reservations = reservations;
        this.book = book;
        this.catalog = catalog;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SessionView create(long tenantId, SessionCommand cmd) {
        FlashSaleRows.Session s = validSession(tenantId, 0, cmd);
        long id = transactions.execute(tx -> {
            long created = rows.insertSession(tenantId, s, now());
            audit.record(
                    tenantId,
                    actor(),
                    "flash_sale_session.created",
                    "flash_sale_session",
                    created,
                    null,
                    get(tenantId, created));
            return created;
        });
        return get(tenantId, id);
    }

    public SessionView update(long tenantId, long id, SessionCommand cmd) {
        FlashSaleRows.Session s = validSession(tenantId, id, cmd);
        return change(tenantId, id, "flash_sale_session.updated", current -> {
            editable(current);
            rows.updateSession(tenantId, s, now());
        });
    }

    public SessionView publish(long tenantId, long id) {
        return change(tenantId, id, "flash_sale_session.published", s -> {
            if (s.status() == SessionStatus.PUBLISHED) {
                return;
            }
            if (s.status() != SessionStatus.DRAFT) {
                throw ProblemException.conflict("illegal_transition", "only a draft session can be published");
            }
            if (!now().isBefore(s.endsAt())) {
                throw ProblemException.conflict("session_ended", "this session's end is in the past");
            }
            if (rows.items(tenantId, id).isEmpty()) {
                throw ProblemException.conflict("session_has_no_items", "add at least one item before publishing");
            }
            rows.transition(tenantId, id, SessionStatus.DRAFT, SessionStatus.PUBLISHED, now());
        });
    }

    /** Cancels a session: nothing more can be reserved; existing reservations stay as they are. */
    public SessionView cancel(long tenantId, long id) {
        return change(tenantId, id, "flash_sale_session.cancelled", s -> {
            if (s.status() != SessionStatus.CANCELLED) {
                rows.transition(tenantId, id, s.status(), SessionStatus.CANCELLED, now());
            }
        });
    }

    public ItemView addItem(long tenantId, long sessionId, ItemCommand cmd) {
        FlashSaleRows.Item item = validItem(sessionId, 0, cmd);
        long[] id = new long[1];
        change(tenantId, sessionId, "flash_sale_item.added", s -> {
            editable(s);
            if (rows.skuTaken(sessionId, item.sku(), 0)) {
                throw ProblemException.conflict("duplicate_sku", "this session already sells " + item.sku());
            }
            id[0] = rows.insertItem(tenantId, sessionId, item, now());
            rows.touchSession(tenantId, sessionId, now());
        });
        return item(tenantId, sessionId, id[0]);
    }

    public ItemView updateItem(long tenantId, long sessionId, long itemId, ItemCommand cmd) {
        FlashSaleRows.Item item = validItem(sessionId, itemId, cmd);
        change(tenantId, sessionId, "flash_sale_item.updated", s -> {
            FlashSaleRows.Item old = rows.item(tenantId, sessionId, itemId)
                    .orElseThrow(() -> ProblemException.notFound("flash sale item", itemId));
            editable(s);
            if (rows.skuTaken(sessionId, item.sku(), itemId)) {
                throw ProblemException.conflict("duplicate_sku", "this session already sells " + item.sku());
            }
            if (item.stock() < old.reserved() + old.sold()) {
                throw ProblemException.invalidField(
                        "stock", "below_reserved", "stock cannot go below the units already reserved or sold");
            }
            rows.updateItem(tenantId, item, now());
            rows.touchSession(tenantId, sessionId, now());
        });
        return item(tenantId, sessionId, itemId);
    }

    public SessionView get(long tenantId, long id) {
        return find(tenantId, id).orElseThrow(() -> ProblemException.notFound("flash sale session", id));
    }

    public Optional<SessionView> find(long tenantId, long id) {
        return rows.session(tenantId, id).map(s -> view(s, rows.items(tenantId, id)));
    }

    public ItemView item(long tenantId, long sessionId, long itemId) {
        FlashSaleRows.Item i = rows.item(tenantId, sessionId, itemId)
                .orElseThrow(() -> ProblemException.notFound("flash sale item", itemId));
        return itemView(
                i, book.peek(sessionId).filter(l -> l.tenantId == tenantId).orElse(null));
    }

    /** Sessions newest first, optionally of one status; items are left out of the list. */
    public CursorPage<SessionView> list(long tenantId, SessionStatus status, Integer limit, String cursor) {
        int n = CursorPage.limit(limit);
        long after = CursorPage.after(cursor);
        var page = CursorPage.of(rows.sessions(tenantId, status, n + 1, after), n, FlashSaleRows.Session::id);
        return new CursorPage<>(
                page.items().stream().map(s -> view(s, List.of())).toList(), page.nextCursor());
    }

    public CursorPage<ReservationView> reservations(
            long tenantId, long sessionId, ReservationStatus status, String customerId, Integer limit, String cursor) {
        get(tenantId, sessionId);
        int n = CursorPage.limit(limit);
        long after = CursorPage.after(cursor);
        if (customerId != null && !FlashSaleReservations.ID.matcher(customerId).matches()) {
            return new CursorPage<>(List.of(), null); // no reservation can have such a customer id
        }
        return CursorPage.of(
                reservations.list(tenantId, sessionId, status, customerId, n + 1, after),
                n,
                ReservationView::reservationId);
    }

    private interface Change {
        void apply(FlashSaleRows.Session locked);
    }

    /**
     * Applies a change to the locked session and records it in the audit log (before and after,
     * items included) in the same transaction — unless it changed nothing (a repeated publish).
     */
    private SessionView change(long tenantId, long id, String action, Change change) {
        transactions.executeWithoutResult(tx -> {
            FlashSaleRows.Session locked = rows.sessionForUpdate(tenantId, id)
                    .orElseThrow(() -> ProblemException.notFound("flash sale session", id));
            SessionView before = view(locked, rows.items(tenantId, id));
            change.apply(locked);
            SessionView after = get(tenantId, id);
            if (after.version() != before.version()) {
                audit.record(tenantId, actor(), action, "flash_sale_session", id, before, after);
            }
        });
        book.evict(id);
        catalog.refresh();
        return get(tenantId, id);
    }

    private static String actor() {
        return Tenancy.findActor().map(Actor::actorName).orElse("system");
    }

    /** Items and times can change until the sale starts; after that only cancelling. */
    private void editable(FlashSaleRows.Session s) {
        if (s.status() == SessionStatus.CANCELLED) {
            throw ProblemException.conflict("session_cancelled", "a cancelled session cannot be changed");
        }
        if (s.status() == SessionStatus.PUBLISHED && !now().isBefore(s.startsAt())) {
            throw ProblemException.conflict(
                    "session_started", "a session that has started can no longer be changed; cancel it instead");
        }
    }

    SessionView view(FlashSaleRows.Session s, List<FlashSaleRows.Item> items) {
        SessionLedger ledger =
                book.peek(s.id()).filter(l -> l.tenantId == s.tenantId()).orElse(null);
        return new SessionView(
                s.id(),
                s.name(),
                s.startsAt(),
                s.endsAt(),
                s.timeZone(),
                s.preheatAt(),
                s.perCustomerLimit(),
                s.purchaseTokenRequired(),
                s.status(),
                SessionState.of(s.status(), s.preheatAt(), s.startsAt(), s.endsAt(), now()),
                s.version(),
                items.stream().map(i -> itemView(i, ledger)).toList(),
                s.createdAt(),
                s.updatedAt());
    }

    private ItemView itemView(FlashSaleRows.Item i, SessionLedger ledger) {
        long left = ledger != null && ledger.items.containsKey(i.id())
                ? catalog.stockLeft(ledger, i.id())
                : Math.max(0, i.stock() - i.reserved() - i.sold());
        return new ItemView(
                i.id(),
                i.sessionId(),
                i.sku(),
                i.name(),
                i.originalPrice(),
                i.flashPrice(),
                i.stock(),
                i.perCustomerLimit(),
                i.position(),
                i.reserved(),
                i.sold(),
                left);
    }

    private FlashSaleRows.Session validSession(long tenantId, long id, SessionCommand cmd) {
        if (cmd == null) {
            throw ProblemException.invalidField("name", "required", "name is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "invalid_length", "name: 1–" + MAX_NAME + " characters"));
        } else {
            printable(name, "name", problems);
        }
        Instant starts = instant(cmd.startsAt(), "starts_at", true, problems);
        Instant ends = instant(cmd.endsAt(), "ends_at", true, problems);
        Instant preheat = instant(cmd.preheatAt(), "preheat_at", false, problems);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            problems.add(new FieldProblem("ends_at", "before_start", "ends_at must be after starts_at"));
        }
        if (starts != null && preheat != null && preheat.isAfter(starts)) {
            problems.add(new FieldProblem("preheat_at", "after_start", "preheat_at must not be after starts_at"));
        }
        String zone = tenants.get(tenantId).timeZone().getId();
        if (cmd.timeZone() != null) {
            try {
                zone = ZoneId.of(cmd.timeZone()).getId();
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("time_zone", "invalid_value", "unknown time zone " + cmd.timeZone()));
            }
        }
        if (cmd.perCustomerLimit() != null && (cmd.perCustomerLimit() < 1 || cmd.perCustomerLimit() > MAX_LIMIT)) {
            problems.add(new FieldProblem(
                    "per_customer_limit", "out_of_range", "per_customer_limit must be between 1 and " + MAX_LIMIT));
        }
        fail(problems);
        return new FlashSaleRows.Session(
                id,
                tenantId,
                name,
                starts,
                ends,
                zone,
                preheat,
                cmd.perCustomerLimit(),
                Boolean.TRUE.equals(cmd.purchaseTokenRequired()),
                null,
                SessionStatus.DRAFT,
                0,
                null,
                null);
    }

    private static FlashSaleRows.Item validItem(long sessionId, long id, ItemCommand cmd) {
        if (cmd == null) {
            throw ProblemException.invalidField("sku", "required", "sku is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String sku = cmd.sku() == null ? "" : cmd.sku().strip();
        if (sku.isEmpty() || sku.length() > 64) {
            problems.add(new FieldProblem("sku", "invalid_length", "sku: 1–64 characters"));
        } else {
            printable(sku, "sku", problems);
        }
        String name =
                cmd.name() == null || cmd.name().isBlank() ? sku : cmd.name().strip();
        if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "invalid_length", "name: at most " + MAX_NAME + " characters"));
        } else if (!name.equals(sku)) {
            printable(name, "name", problems);
        }
        if (cmd.flashPrice() == null) {
            problems.add(new FieldProblem("flash_price", "required", "flash_price is required (minor units)"));
        } else if (cmd.flashPrice() < 0 || cmd.flashPrice() > MAX_PRICE) {
            problems.add(new FieldProblem("flash_price", "out_of_range", "flash_price must be 0 to " + MAX_PRICE));
        }
        if (cmd.originalPrice() != null && (cmd.originalPrice() < 0 || cmd.originalPrice() > MAX_PRICE)) {
            problems.add(
                    new FieldProblem("original_price", "out_of_range", "original_price must be 0 to " + MAX_PRICE));
        }
        if (cmd.stock() == null) {
            problems.add(new FieldProblem("stock", "required", "stock is required"));
        } else if (cmd.stock() < 0 || cmd.stock() > MAX_STOCK) {
            problems.add(new FieldProblem("stock", "out_of_range", "stock must be 0 to " + MAX_STOCK));
        }
        int limit = cmd.perCustomerLimit() == null ? 1 : cmd.perCustomerLimit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem(
                    "per_customer_limit", "out_of_range", "per_customer_limit must be between 1 and " + MAX_LIMIT));
        }
        fail(problems);
        return new FlashSaleRows.Item(
                id,
                sessionId,
                sku,
                name,
                cmd.originalPrice(),
                cmd.flashPrice(),
                cmd.stock(),
                limit,
                cmd.position() == null ? 0 : cmd.position(),
                0,
                0,
                0);
    }

    private static Instant instant(String value, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "required", field + " is required"));
            }
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(
                    field,
                    "invalid_format",
                    field + " must be an ISO-8601 time with offset, e.g. 2026-11-11T20:00:00+08:00"));
            return null;
        }
        if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
            problems.add(new FieldProblem(field, "out_of_range", field + " must be between 1970 and 9999"));
            return null;
        }
        return at;
    }

    /** Text PostgreSQL stores as typed and the console shows: no control characters (NUL is refused by the database). */
    private static void printable(String value, String field, List<FieldProblem> problems) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "invalid_format", field + " must not contain control characters"));
        }
    }

    private static void fail(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "validation_failed", problems.get(0).message(), problems);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
