package io.magpie.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw JDBC ceiling for order intake: what PostgreSQL does when orders and their lines are written
 * with multi-row {@code INSERT … VALUES} (N orders plus their lines per transaction) into Magpie's own
 * commerce tables, by T threads with one connection each, for a fixed time.
 *
 * <p>It writes the same columns the bulk endpoint must write (customer, SKU, product and category ids
 * resolved in memory, subtotal/total, a request hash) under the same constraints and indexes, and is
 * therefore the upper bound for that endpoint on this machine. It checks afterwards that the database
 * holds exactly the rows it committed and exits non-zero otherwise.
 *
 * <p>Arguments ({@code key=value}): url, tenant, prefix (order number prefix, unique per run),
 * threads (16), warmup seconds (5), duration seconds (20), orders per transaction (100), lines per
 * order (3), customers (1000).
 */
public final class OrderIntakeCeiling {

    private static final String ORDER_COLUMNS = "(tenant_id, order_no, customer_id, channel, status, currency,"
            + " subtotal_minor, total_minor, request_hash, ordered_at)";
    private static final int ORDER_PARAMS = 10;
    private static final String LINE_COLUMNS = "(tenant_id, order_id, line_no, sku_id, sku_code, product_id,"
            + " category_id, quantity, unit_price_minor, amount_minor)";
    private static final int LINE_PARAMS = 10;

    private record Sku(long id, String code, long productId, Long categoryId, long price) {}

    private record Options(
            String url,
            long tenant,
            String prefix,
            int threads,
            double warmupSeconds,
            double durationSeconds,
            int ordersPerTx,
            int linesPerOrder,
            int customers) {}

    /** What one worker did: everything it committed, and what it committed inside the measured window. */
    private static final class Tally {
        long totalOrders;
        long measuredOrders;
        long measuredTx;
        long[] latencies = new long[1024];
        int latencyCount;

        void latency(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }
    }

    private OrderIntakeCeiling() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        String currency;
        List<Sku> skus;
        long[] customerIds;
        String synchronousCommit;
        try (Connection c = DriverManager.getConnection(o.url())) {
            currency = single(c, "select currency from tenant where id = " + o.tenant());
            synchronousCommit = single(c, "show synchronous_commit");
            skus = loadSkus(c, o.tenant());
            customerIds = ensureCustomers(c, o.tenant(), o.customers());
        }
        if (skus.size() < o.linesPerOrder()) {
            die("tenant " + o.tenant() + " has " + skus.size() + " active SKUs; need at least " + o.linesPerOrder());
        }
        System.out.printf(
                Locale.ROOT,
                "ceiling: %d threads, %d orders x %d lines per transaction, %d SKUs, %d customers,"
                        + " synchronous_commit=%s, warm-up %.0f s, measured %.0f s%n",
                o.threads(),
                o.ordersPerTx(),
                o.linesPerOrder(),
                skus.size(),
                customerIds.length,
                synchronousCommit,
                o.warmupSeconds(),
                o.durationSeconds());

        long start = System.nanoTime();
        long measureFrom = start + (long) (o.warmupSeconds() * 1e9);
        long measureTo = measureFrom + (long) (o.durationSeconds() * 1e9);
        Tally[] tallies = new Tally[o.threads()];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < o.threads(); t++) {
            int tid = t;
            tallies[t] = new Tally();
            Thread worker = new Thread(
                    () -> {
                        try {
                            work(o, tid, currency, skus, customerIds, measureFrom, measureTo, tallies[tid], failure);
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "ceiling-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            failure.get().printStackTrace();
            die("a worker failed: " + failure.get());
        }

        long totalOrders = 0;
        long measuredOrders = 0;
        long measuredTx = 0;
        long[] latencies = new long[0];
        for (Tally tally : tallies) {
            totalOrders += tally.totalOrders;
            measuredOrders += tally.measuredOrders;
            measuredTx += tally.measuredTx;
            int from = latencies.length;
            latencies = Arrays.copyOf(latencies, from + tally.latencyCount);
            System.arraycopy(tally.latencies, 0, latencies, from, tally.latencyCount);
        }
        Arrays.sort(latencies);
        double seconds = (measureTo - measureFrom) / 1e9;

        long dbOrders;
        long dbLines;
        try (Connection c = DriverManager.getConnection(o.url())) {
            String like = "'" + o.prefix().replace("'", "''") + "-%'";
            dbOrders = Long.parseLong(single(
                    c,
                    "select count(*) from commerce_order where tenant_id = " + o.tenant() + " and order_no like "
                            + like));
            dbLines = Long.parseLong(single(
                    c,
                    "select count(*) from commerce_order_line l join commerce_order o on o.id = l.order_id"
                            + " where o.tenant_id = " + o.tenant() + " and o.order_no like " + like));
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT orders=%d tx=%d seconds=%.3f orders_per_s=%.1f lines_per_s=%.1f tx_p50_ms=%.2f tx_p99_ms=%.2f"
                        + " tx_max_ms=%.2f total_orders=%d db_orders=%d db_lines=%d%n",
                measuredOrders,
                measuredTx,
                seconds,
                measuredOrders / seconds,
                measuredOrders * o.linesPerOrder() / seconds,
                percentileMillis(latencies, 50),
                percentileMillis(latencies, 99),
                latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1e6,
                totalOrders,
                dbOrders,
                dbLines);
        if (dbOrders != totalOrders || dbLines != totalOrders * o.linesPerOrder()) {
            die("database holds " + dbOrders + " orders / " + dbLines + " lines under prefix " + o.prefix()
                    + " but the ceiling committed " + totalOrders + " orders / " + totalOrders * o.linesPerOrder()
                    + " lines");
        }
        if (measuredTx == 0) {
            die("no transaction committed inside the measured window");
        }
    }

    private static void work(
            Options o,
            int tid,
            String currency,
            List<Sku> skus,
            long[] customerIds,
            long measureFrom,
            long measureTo,
            Tally tally,
            AtomicReference<Throwable> failure)
            throws SQLException {
        int n = o.ordersPerTx();
        int lpo = o.linesPerOrder();
        MessageDigest sha256 = sha256();
        HexFormat hex = HexFormat.of();
        String[] orderNos = new String[n];
        Sku[][] picked = new Sku[n][lpo];
        int[][] quantities = new int[n][lpo];
        Map<String, Long> ids = new HashMap<>(n * 2);
        try (Connection c = DriverManager.getConnection(o.url());
                PreparedStatement orders = c.prepareStatement(
                        insert("commerce_order", ORDER_COLUMNS, ORDER_PARAMS, n) + " returning id, order_no");
                PreparedStatement lines =
                        c.prepareStatement(insert("commerce_order_line", LINE_COLUMNS, LINE_PARAMS, n * lpo))) {
            c.setAutoCommit(false);
            long seq = 0;
            while (failure.get() == null && System.nanoTime() < measureTo) {
                seq++;
                long t0 = System.nanoTime();
                Timestamp now = Timestamp.from(Instant.now());
                int p = 1;
                for (int i = 0; i < n; i++) {
                    String orderNo = o.prefix() + "-" + tid + "-" + seq + "-" + i;
                    orderNos[i] = orderNo;
                    // Same spread as bench/order-intake.lua: ~1000 customers, 3 distinct SKUs per order.
                    int customer = (int) ((tid * 7919L + seq * n + i) % customerIds.length);
                    int h = (int) ((tid * 31L + seq * 17 + i * 13) % skus.size());
                    long subtotal = 0;
                    StringBuilder canonical =
                            new StringBuilder(orderNo).append('|').append(customer);
                    for (int j = 0; j < lpo; j++) {
                        Sku sku = skus.get((h + j * 67) % skus.size());
                        int quantity = 1 + (i + j) % 3;
                        picked[i][j] = sku;
                        quantities[i][j] = quantity;
                        subtotal += quantity * sku.price();
                        canonical
                                .append('|')
                                .append(sku.code())
                                .append(':')
                                .append(quantity)
                                .append(':')
                                .append(sku.price());
                    }
                    String requestHash =
                            hex.formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
                    orders.setLong(p++, o.tenant());
                    orders.setString(p++, orderNo);
                    orders.setLong(p++, customerIds[customer]);
                    orders.setString(p++, "online");
                    orders.setString(p++, "CREATED");
                    orders.setString(p++, currency);
                    orders.setLong(p++, subtotal);
                    orders.setLong(p++, subtotal);
                    orders.setString(p++, requestHash);
                    orders.setTimestamp(p++, now);
                }
                ids.clear();
                try (ResultSet rs = orders.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
                p = 1;
                for (int i = 0; i < n; i++) {
                    long orderId = ids.get(orderNos[i]);
                    for (int j = 0; j < lpo; j++) {
                        Sku sku = picked[i][j];
                        lines.setLong(p++, o.tenant());
                        lines.setLong(p++, orderId);
                        lines.setString(p++, Integer.toString(j + 1));
                        lines.setLong(p++, sku.id());
                        lines.setString(p++, sku.code());
                        lines.setLong(p++, sku.productId());
                        if (sku.categoryId() == null) {
                            lines.setNull(p++, Types.BIGINT);
                        } else {
                            lines.setLong(p++, sku.categoryId());
                        }
                        lines.setInt(p++, quantities[i][j]);
                        lines.setLong(p++, sku.price());
                        lines.setLong(p++, quantities[i][j] * sku.price());
                    }
                }
                lines.executeUpdate();
                c.commit();
                long t1 = System.nanoTime();
                tally.totalOrders += n;
                if (t1 >= measureFrom && t1 <= measureTo) {
                    tally.measuredOrders += n;
                    tally.measuredTx++;
                    tally.latency(t1 - t0);
                }
            }
        }
    }

    private static String insert(String table, String columns, int params, int rows) {
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < params; i++) {
            row.append(i == 0 ? "?" : ", ?");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder("insert into ")
                .append(table)
                .append(' ')
                .append(columns)
                .append(" values ");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append(row);
        }
        return sql.toString();
    }

    private static List<Sku> loadSkus(Connection c, long tenant) throws SQLException {
        List<Sku> skus = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select s.id, s.code, s.product_id, p.category_id, s.price_minor from commerce_sku s"
                        + " join commerce_product p on p.id = s.product_id"
                        + " where s.tenant_id = ? and s.status = 'ACTIVE' order by s.id")) {
            ps.setLong(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long category = rs.getLong(4);
                    Long categoryId = rs.wasNull() ? null : category;
                    skus.add(new Sku(rs.getLong(1), rs.getString(2), rs.getLong(3), categoryId, rs.getLong(5)));
                }
            }
        }
        return skus;
    }

    /** Customers C1..Cn (the external ids the HTTP run uses), created if missing; returns their row ids. */
    private static long[] ensureCustomers(Connection c, long tenant, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into commerce_customer (tenant_id, external_id) select ?, 'C' || g from generate_series(1, ?) g"
                        + " on conflict (tenant_id, external_id) do nothing")) {
            ps.setLong(1, tenant);
            ps.setInt(2, count);
            ps.executeUpdate();
        }
        long[] ids = new long[count];
        try (PreparedStatement ps = c.prepareStatement(
                "select substr(external_id, 2)::int, id from commerce_customer"
                        + " where tenant_id = ? and external_id ~ '^C[0-9]+$' and substr(external_id, 2)::int between 1 and ?")) {
            ps.setLong(1, tenant);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids[rs.getInt(1) - 1] = rs.getLong(2);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (ids[i] == 0) {
                die("customer C" + (i + 1) + " is missing");
            }
        }
        return ids;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                die("no row for: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Options parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                die("arguments are key=value, got: " + arg);
            }
            m.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        if (!m.containsKey("url") || !m.containsKey("tenant") || !m.containsKey("prefix")) {
            die("usage: OrderIntakeCeiling url=jdbc:postgresql://... tenant=ID prefix=P [threads=16] [warmup=5]"
                    + " [duration=20] [orders=100] [lines=3] [customers=1000]");
        }
        return new Options(
                m.get("url"),
                Long.parseLong(m.get("tenant")),
                m.get("prefix"),
                Integer.parseInt(m.getOrDefault("threads", "16")),
                Double.parseDouble(m.getOrDefault("warmup", "5")),
                Double.parseDouble(m.getOrDefault("duration", "20")),
                Integer.parseInt(m.getOrDefault("orders", "100")),
                Integer.parseInt(m.getOrDefault("lines", "3")),
                Integer.parseInt(m.getOrDefault("customers", "1000")));
    }

    private static void die(String message) {
        System.err.println("FAIL: " + message);
        System.exit(1);
    }
}
