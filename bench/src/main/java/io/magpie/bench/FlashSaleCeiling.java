package io.magpie.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merged-commit ceiling for flash sale reservations: what PostgreSQL does when reservations are
 * decided in memory and committed in groups, without HTTP, Spring or JSON.
 *
 * <p>T decider threads decide in memory (CAS on the item's units left, CAS on the customer's units
 * held under the per-item limit) and queue what they accept; one writer thread commits up to
 * {@code batch} of them per transaction into Magpie's own tables, with the statements the module's
 * group commit uses: one multi-row insert (unnest arrays) of the {@code flashsale_reservation} rows,
 * one upsert of the customers' {@code flashsale_item_quota} rows and one update of the hot
 * {@code flashsale_item} row. (Magpie's batch also lowers its node's stock lease row: one more
 * single-row update that this ceiling leaves out.) At most {@code inflight} reservations are queued
 * or being written at once, so batches fill up without an unbounded queue.
 *
 * <p>Customers follow bench/flash-sale.lua: every request a new customer, except every
 * {@code repeat_every}-th, which is one of {@code repeat_customers} returning customers (refused with
 * limit_reached after {@code limit} units). It creates its own session and item (never loaded by a
 * Magpie node, so never leased) and checks afterwards that the database holds exactly what it
 * committed: rows, the item's reserved units, quota rows summing to them, nobody above the limit.
 *
 * <p>Arguments ({@code key=value}): url, tenant, prefix (customer and key prefix, unique per run),
 * threads (4), batch (200), inflight (4 × batch), warmup seconds (5), duration seconds (20), stock
 * (100000000), limit (2), repeat_every (20), repeat_customers (200).
 */
public final class FlashSaleCeiling {

    private record Options(
            String url,
            long tenant,
            String prefix,
            int threads,
            int batch,
            int inflight,
            double warmupSeconds,
            double durationSeconds,
            int stock,
            int limit,
            int repeatEvery,
            int repeatCustomers) {}

    private record Pending(long id, String customer, String key, Timestamp createdAt, long decidedNanos) {}

    private FlashSaleCeiling() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        long session;
        long item;
        String synchronousCommit;
        try (Connection c = DriverManager.getConnection(o.url())) {
            synchronousCommit = single(c, "show synchronous_commit");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("insert into flashsale_session (tenant_id, name, starts_at,"
                    + " ends_at, time_zone, status, created_at, updated_at) values (?, ?, ?, ?, 'UTC', 'DRAFT', ?, ?)"
                    + " returning id")) {
                ps.setLong(1, o.tenant());
                ps.setString(2, "bench ceiling " + o.prefix());
                ps.setTimestamp(3, Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
                ps.setTimestamp(4, Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)));
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
                session = longResult(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into flashsale_item (tenant_id, session_id, sku, name,"
                    + " flash_price, stock, per_customer_limit, created_at, updated_at)"
                    + " values (?, ?, ?, 'Bench ceiling item', 990, ?, ?, ?, ?) returning id")) {
                ps.setLong(1, o.tenant());
                ps.setLong(2, session);
                ps.setString(3, "CEILING-" + o.prefix());
                ps.setInt(4, o.stock());
                ps.setInt(5, o.limit());
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                item = longResult(ps);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "ceiling: %d decider threads, 1 writer, up to %d reservations per transaction, %d in flight,"
                        + " stock %d, limit %d per customer, every %d-th request one of %d returning customers,"
                        + " synchronous_commit=%s, warm-up %.0f s, measured %.0f s (session %d, item %d)%n",
                o.threads(),
                o.batch(),
                o.inflight(),
                o.stock(),
                o.limit(),
                o.repeatEvery(),
                o.repeatCustomers(),
                synchronousCommit,
                o.warmupSeconds(),
                o.durationSeconds(),
                session,
                item);

        long start = System.nanoTime();
        long measureFrom = start + (long) (o.warmupSeconds() * 1e9);
        long measureTo = measureFrom + (long) (o.durationSeconds() * 1e9);
        AtomicLong left = new AtomicLong(o.stock());
        Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(o.inflight());
        BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(o.inflight());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong limitReached = new AtomicLong();
        AtomicLong soldOut = new AtomicLong();
        IdBlocks ids = new IdBlocks(o.url());

        List<Thread> deciders = new ArrayList<>();
        for (int t = 0; t < o.threads(); t++) {
            int tid = t;
            Thread decider = new Thread(
                    () -> {
                        try {
                            long seq = 0;
                            while (failure.get() == null && System.nanoTime() < measureTo) {
                                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                    continue;
                                }
                                seq++;
                                String customer = seq % o.repeatEvery() == 0
                                        ? o.prefix() + "-r" + ((tid * 7919L + seq) % o.repeatCustomers())
                                        : o.prefix() + "-" + tid + "-" + seq;
                                if (!take(left, held, customer, o.limit(), limitReached, soldOut)) {
                                    slots.release();
                                    continue;
                                }
                                queue.put(new Pending(
                                        ids.next(),
                                        customer,
                                        o.prefix() + "-" + tid + "-" + seq,
                                        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
                                        System.nanoTime()));
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "decider-" + t);
            deciders.add(decider);
            decider.start();
        }

        Writer writer = new Writer(o, session, item, queue, slots, measureFrom, measureTo, failure);
        Thread writerThread = new Thread(
                () -> {
                    try {
                        writer.run(deciders);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                },
                "writer");
        writerThread.start();
        for (Thread decider : deciders) {
            decider.join();
        }
        writerThread.join();
        if (failure.get() != null) {
            failure.get().printStackTrace();
            die("the ceiling failed: " + failure.get());
        }

        long[] tx = writer.txLatencies.sorted();
        long[] res = writer.reservationLatencies.sorted();
        double seconds = (measureTo - measureFrom) / 1e9;

        long dbRows;
        long dbReserved;
        long dbHeld;
        long overLimit;
        long quotaMismatch;
        try (Connection c = DriverManager.getConnection(o.url())) {
            dbRows = Long.parseLong(single(c, "select count(*) from flashsale_reservation where item_id = " + item));
            dbReserved = Long.parseLong(single(c, "select reserved from flashsale_item where id = " + item));
            dbHeld = Long.parseLong(
                    single(c, "select coalesce(sum(held), 0) from flashsale_item_quota where item_id = " + item));
            overLimit = Long.parseLong(single(
                    c,
                    "select count(*) from (select customer_id from flashsale_reservation where item_id = " + item
                            + " group by customer_id having sum(quantity) > " + o.limit() + ") x"));
            quotaMismatch = Long.parseLong(single(
                    c,
                    "select count(*) from (select customer_id, sum(quantity) n from flashsale_reservation"
                            + " where item_id = " + item + " group by customer_id) r"
                            + " full join (select customer_id, held from flashsale_item_quota where item_id = " + item
                            + ") q using (customer_id) where coalesce(q.held, 0) <> coalesce(r.n, 0)"));
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT reservations=%d tx=%d seconds=%.3f reservations_per_s=%.1f avg_batch=%.1f tx_p50_ms=%.2f"
                        + " tx_p99_ms=%.2f p50_ms=%.2f p99_ms=%.2f total=%d limit_reached=%d sold_out=%d db_rows=%d"
                        + " db_reserved=%d db_quota_held=%d over_limit=%d quota_mismatch=%d%n",
                writer.measured,
                writer.measuredTx,
                seconds,
                writer.measured / seconds,
                writer.measuredTx == 0 ? 0.0 : (double) writer.measured / writer.measuredTx,
                percentileMillis(tx, 50),
                percentileMillis(tx, 99),
                percentileMillis(res, 50),
                percentileMillis(res, 99),
                writer.total,
                limitReached.get(),
                soldOut.get(),
                dbRows,
                dbReserved,
                dbHeld,
                overLimit,
                quotaMismatch);
        if (dbRows != writer.total || dbReserved != writer.total || dbHeld != writer.total) {
            die("database holds " + dbRows + " reservations, reserved=" + dbReserved + ", quota held " + dbHeld
                    + " for item " + item + " but the ceiling committed " + writer.total);
        }
        if (overLimit != 0 || quotaMismatch != 0) {
            die(overLimit + " customers above the limit, " + quotaMismatch + " quota rows not matching reservations");
        }
        if (writer.measuredTx == 0) {
            die("no transaction committed inside the measured window");
        }
    }

    /** The in-memory decision: a unit of stock, then a unit of the customer's allowance (undone on refusal). */
    private static boolean take(
            AtomicLong left,
            Map<String, AtomicInteger> held,
            String customer,
            int limit,
            AtomicLong limitReached,
            AtomicLong soldOut) {
        long l;
        do {
            l = left.get();
            if (l <= 0) {
                soldOut.incrementAndGet();
                return false;
            }
        } while (!left.compareAndSet(l, l - 1));
        AtomicInteger h = held.computeIfAbsent(customer, k -> new AtomicInteger());
        int n;
        do {
            n = h.get();
            if (n + 1 > limit) {
                left.incrementAndGet();
                limitReached.incrementAndGet();
                return false;
            }
        } while (!h.compareAndSet(n, n + 1));
        return true;
    }

    /** The group commit. */
    private static final class Writer {
        private final Options o;
        private final long session;
        private final long item;
        private final BlockingQueue<Pending> queue;
        private final Semaphore slots;
        private final long measureFrom;
        private final long measureTo;
        private final AtomicReference<Throwable> failure;
        final Latencies txLatencies = new Latencies();
        final Latencies reservationLatencies = new Latencies();
        long total;
        long measured;
        long measuredTx;

        Writer(
                Options o,
                long session,
                long item,
                BlockingQueue<Pending> queue,
                Semaphore slots,
                long measureFrom,
                long measureTo,
                AtomicReference<Throwable> failure) {
            this.o = o;
            this.session = session;
            this.item = item;
            this.queue = queue;
            this.slots = slots;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.failure = failure;
        }

        void run(List<Thread> deciders) throws Exception {
            List<Pending> batch = new ArrayList<>(o.batch());
            try (Connection c = DriverManager.getConnection(o.url());
                    PreparedStatement reservations = c.prepareStatement("""
                            insert into flashsale_reservation (id, tenant_id, session_id, item_id, customer_id, quantity,
                                   status, request_key, node_id, expires_at, created_at, updated_at)
                            select r.id, ?, ?, ?, r.customer_id, 1, 'RESERVED', r.request_key, 'ceiling',
                                   r.created_at + interval '15 minutes', r.created_at, r.created_at
                              from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[])
                                   as r(id, customer_id, request_key, created_at)""");
                    PreparedStatement quotas = c.prepareStatement("""
                            insert into flashsale_item_quota (tenant_id, item_id, customer_id, held, max_held)
                            select ?, ?, q.customer_id, q.held, ? from unnest(?::text[], ?::int[]) as q(customer_id, held)
                            on conflict (item_id, customer_id) do update
                               set held = flashsale_item_quota.held + excluded.held, max_held = excluded.max_held""");
                    PreparedStatement stock = c.prepareStatement(
                            "update flashsale_item set reserved = reserved + ? where id = ?")) {
                c.setAutoCommit(false);
                while (failure.get() == null) {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (deciders.stream().noneMatch(Thread::isAlive) && queue.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    batch.clear();
                    batch.add(first);
                    queue.drainTo(batch, o.batch() - 1);
                    long t0 = System.nanoTime();
                    int n = batch.size();
                    Long[] ids = new Long[n];
                    String[] customers = new String[n];
                    String[] keys = new String[n];
                    Timestamp[] created = new Timestamp[n];
                    Map<String, Integer> perCustomer = new TreeMap<>();
                    for (int k = 0; k < n; k++) {
                        Pending p = batch.get(k);
                        ids[k] = p.id();
                        customers[k] = p.customer();
                        keys[k] = p.key();
                        created[k] = p.createdAt();
                        perCustomer.merge(p.customer(), 1, Integer::sum);
                    }
                    reservations.setLong(1, o.tenant());
                    reservations.setLong(2, session);
                    reservations.setLong(3, item);
                    reservations.setArray(4, c.createArrayOf("bigint", ids));
                    reservations.setArray(5, c.createArrayOf("text", customers));
                    reservations.setArray(6, c.createArrayOf("text", keys));
                    reservations.setArray(7, c.createArrayOf("timestamptz", created));
                    reservations.executeUpdate();
                    quotas.setLong(1, o.tenant());
                    quotas.setLong(2, item);
                    quotas.setInt(3, o.limit());
                    quotas.setArray(4, c.createArrayOf("text", perCustomer.keySet().toArray(String[]::new)));
                    quotas.setArray(5, c.createArrayOf("int4", perCustomer.values().toArray(Integer[]::new)));
                    quotas.executeUpdate();
                    stock.setInt(1, n);
                    stock.setLong(2, item);
                    stock.executeUpdate();
                    c.commit();
                    long t1 = System.nanoTime();
                    total += n;
                    if (t1 >= measureFrom && t1 <= measureTo) {
                        measured += n;
                        measuredTx++;
                        txLatencies.add(t1 - t0);
                        for (Pending p : batch) {
                            reservationLatencies.add(t1 - p.decidedNanos());
                        }
                    }
                    slots.release(n);
                }
            }
        }
    }

    /** Reservation ids the way Magpie hands them out: a block of 1000 per nextval. */
    private static final class IdBlocks {
        private final String url;
        private long next;
        private long end;

        IdBlocks(String url) {
            this.url = url;
        }

        synchronized long next() throws SQLException {
            if (next >= end) {
                try (Connection c = DriverManager.getConnection(url)) {
                    next = Long.parseLong(single(c, "select nextval('flashsale_reservation_id_seq')"));
                }
                end = next + 1000;
            }
            return next++;
        }
    }

    private static final class Latencies {
        private long[] values = new long[4096];
        private int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = nanos;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, count);
            Arrays.sort(copy);
            return copy;
        }
    }

    private static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static long longResult(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> m = new TreeMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                die("arguments are key=value, got " + a);
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int batch = Integer.parseInt(m.getOrDefault("batch", "200"));
        return new Options(
                required(m, "url"),
                Long.parseLong(required(m, "tenant")),
                required(m, "prefix"),
                Integer.parseInt(m.getOrDefault("threads", "4")),
                batch,
                Integer.parseInt(m.getOrDefault("inflight", Integer.toString(4 * batch))),
                Double.parseDouble(m.getOrDefault("warmup", "5")),
                Double.parseDouble(m.getOrDefault("duration", "20")),
                Integer.parseInt(m.getOrDefault("stock", "100000000")),
                Integer.parseInt(m.getOrDefault("limit", "2")),
                Integer.parseInt(m.getOrDefault("repeat_every", "20")),
                Integer.parseInt(m.getOrDefault("repeat_customers", "200")));
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.isBlank()) {
            die("missing argument " + key + "=…");
        }
        return v;
    }

    private static void die(String message) {
        System.out.println("!!!!! FAIL: " + message);
        System.exit(1);
    }
}
