package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group commit: one thread drains the queue of reservations decided in memory, writes up to
 * {@code magpie.flashsale.batch-size} of them in one transaction, and only then completes their
 * futures, so a shop hears 201 only for a durable reservation. When the database refuses a batch
 * (a check or unique constraint: memory was wrong), each reservation is retried alone so only the
 * offending ones fail; any other failure fails the whole batch with 503, undoes its decisions and
 * has the sessions rebuilt from the database.
 */
@Component
class ReservationWriter implements SmartLifecycle {

    /** Internal code: the Idempotency-Key is already on a stored reservation (made elsewhere or earlier). */
    static final String DUPLICATE_KEY = "duplicate_request_key";

    /** The message of the refusal {@link ReservationRows#insertBatch} raises when this node has no lease row. */
    static final String LEASE_MISSING = "stock lease missing";

    private static final Logger log = LoggerFactory.getLogger(ReservationWriter.class);
    private static final long SLOW_BATCH_MS = 1000;

    private final BlockingQueue<PendingReservation> queue = new LinkedBlockingQueue<>();
    private final ReservationRows rows;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StockLeases leases;
    private final Clock clock;
    private final int batchSize;
    private final Consumer<SessionLedger> evict;
    private volatile boolean running;
    private Thread thread;

    ReservationWriter(
            ReservationRows rows,
            DataSource dataSource,
            TransactionTemplate transactions,
            StockLeases leases,
            Clock clock,
            SaleBook book,
            @Value("${magpie.flashsale.batch-size:500}") int batchSize) {
        this.rows = rows;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.leases = leases;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
        this.evict = book::evict;
    }

    /** Queues a decided reservation; its future completes once it is durable or refused. */
    void submit(PendingReservation p) {
        if (!running) {
            p.done().completeExceptionally(unavailable());
            return;
        }
        queue.add(p);
    }

    int queued() {
        return queue.size();
    }

    private void drain() {
        List<PendingReservation> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                PendingReservation first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("flash sale writer failed a batch", e);
                batch.forEach(p -> fail(p, unavailable(), true));
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes one batch and completes every future in it (package-private for tests). */
    void write(List<PendingReservation> batch) {
        long started = System.nanoTime();
        try {
            persist(batch);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms >= SLOW_BATCH_MS) {
                log.warn("flash sale batch of {} took {} ms", batch.size(), ms);
            }
        } catch (RuntimeException e) {
            if (!refusedByConstraint(e)) {
                // the outcome is unknown (the commit may have happened): answer honestly and let
                // every node rebuild these sessions from the database
                log.warn("flash sale batch of {} failed: {}", batch.size(), e.toString());
                batch.forEach(p -> fail(p, unavailable(), true));
                return;
            }
            for (PendingReservation p : batch) {
                try {
                    persist(List.of(p));
                } catch (RuntimeException single) {
                    // memory was wrong about this node's lease (reclaimed, or handed back): rebuild it
                    fail(p, refusal(single), !refusedByConstraint(single) || leaseRefused(single));
                    continue;
                }
                accepted(p);
            }
            return;
        }
        batch.forEach(this::accepted);
    }

    private void accepted(PendingReservation p) {
        p.ledger().stats.accepted(clock.instant().getEpochSecond(), p.quantity());
        p.done().complete(p.id());
    }

    private void persist(List<PendingReservation> batch) {
        transactions.executeWithoutResult(tx -> jdbc.execute((ConnectionCallback<Void>) con -> {
            rows.insertBatch(con, batch, leases.nodeId());
            return null;
        }));
    }

    private void fail(PendingReservation p, ProblemException problem, boolean rebuild) {
        p.ledger().giveBack(p.item(), p.customerId(), p.quantity(), true);
        if (problem.code().equals(Refusal.SOLD_OUT.code())) {
            p.ledger().stats.refused(Refusal.SOLD_OUT);
        } else if (problem.code().equals(Refusal.LIMIT_REACHED.code())) {
            p.ledger().stats.refused(Refusal.LIMIT_REACHED);
        }
        if (rebuild) {
            evict.accept(p.ledger());
        }
        p.done().completeExceptionally(problem);
    }

    private static boolean refusedByConstraint(Throwable e) {
        String state = sqlState(e);
        return state != null && state.startsWith("23");
    }

    /** The lease row was gone (reclaimed from this node) or held fewer units than memory thought. */
    private static boolean leaseRefused(Throwable e) {
        String constraint = constraint(e);
        return LEASE_MISSING.equals(constraint)
                || "flashsale_stock_lease_no_overdraw".equals(constraint)
                || "flashsale_item_leased_check".equals(constraint);
    }

    /**
     * The problem a reservation refused by the database gets: what the violated constraint protects.
     * Decided by the constraint's name, never by the message text (its detail echoes the row, which
     * holds the customer id, the SKU and the item name).
     */
    private static ProblemException refusal(Throwable e) {
        String constraint = constraint(e);
        if (constraint == null) {
            return unavailable();
        }
        return switch (constraint) {
            case "flashsale_reservation_key" ->
                new ProblemException(
                        HttpStatus.CONFLICT, DUPLICATE_KEY, "a reservation with this Idempotency-Key exists");
            case "flashsale_item_quota_limit", "flashsale_session_quota_limit" ->
                FlashSaleProblems.refused(Refusal.LIMIT_REACHED);
            case "flashsale_item_no_oversell",
                    "flashsale_item_leased_check",
                    "flashsale_stock_lease_no_overdraw",
                    LEASE_MISSING -> FlashSaleProblems.refused(Refusal.SOLD_OUT);
            default -> unavailable();
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * The name of the constraint (or unique index) PostgreSQL refused the write with, or
     * {@link #LEASE_MISSING} for the refusal {@link ReservationRows#insertBatch} raises itself.
     */
    private static String constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg && pg.getServerErrorMessage() != null) {
                return pg.getServerErrorMessage().getConstraint();
            }
            if (t instanceof SQLException sql && LEASE_MISSING.equals(sql.getMessage())) {
                return LEASE_MISSING;
            }
        }
        return null;
    }

    static ProblemException unavailable() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "flash_sale_unavailable",
                "the reservation could not be stored; nothing was reserved, retry");
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::drain, "flashsale-writer");
        thread.setDaemon(false);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // whatever is left (the thread did not finish in time) is refused, never left hanging
        PendingReservation p;
        while ((p = queue.poll()) != null) {
            fail(p, unavailable(), false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has stopped taking requests, so queued reservations are written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
