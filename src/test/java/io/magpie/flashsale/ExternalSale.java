package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the separate-JVM flash-sale tests share: a fresh database on the machine's PostgreSQL
 * ({@code MAGPIE_LOCAL_PG_URL}, default {@code 127.0.0.1:5432} as {@code postgres}), dropped at the
 * end; the operator calls that set up a sale; a bounded-concurrency asynchronous load of reserve
 * requests; and the checks of the database after it.
 */
final class ExternalSale implements AutoCloseable {

    static final String API_KEY = "mk_it_flashsale_" + Long.toHexString(System.nanoTime()) + "_key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String server;
    final String database;
    final String url;
    final JdbcClient jdbc;
    private final SingleConnectionDataSource dataSource;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(httpThreads)
            .build();

    private ExternalSale(String purpose) {
        server = System.getenv()
                .getOrDefault("MAGPIE_LOCAL_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        dropLeftovers(server);
        database = "magpie_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_" + purpose;
        execute(server, "create database " + database);
        url = withDatabase(server, database);
        dataSource = new SingleConnectionDataSource(url, true);
        jdbc = JdbcClient.create(dataSource);
    }

    /** A fresh empty database; Magpie migrates it at its first start. */
    static ExternalSale freshDatabase(String purpose) {
        return new ExternalSale(purpose);
    }

    /** The URL a Magpie node gets (user and password as separate properties). */
    String nodeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
        dataSource.destroy();
        execute(server, "drop database if exists " + database + " with (force)");
    }

    // ---- operator calls ----

    /** A session open since a minute ago for an hour, with one item, published; via {@code node}. */
    FlashSaleFixture.Sale runningSale(MagpieProcess node, int stock, int limit) {
        Instant start = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        var session = call(node, "/api/v1/flash-sales/sessions", """
                {"name": "Double 11 at 20:00", "starts_at": "%s", "ends_at": "%s", "time_zone": "Asia/Shanghai"}""".formatted(start, start.plus(Duration.ofHours(1))));
        long sessionId = session.get("id").asLong();
        var item = call(node, "/api/v1/flash-sales/sessions/" + sessionId + "/items", """
                {"sku": "tea-250", "name": "Green tea 250 g", "original_price": 4900, "flash_price": 990,
                 "stock": %d, "per_customer_limit": %d}""".formatted(stock, limit));
        call(node, "/api/v1/flash-sales/sessions/" + sessionId + "/publish", "{}");
        return new FlashSaleFixture.Sale(sessionId, item.get("id").asLong());
    }

    private JsonNode call(MagpieProcess node, String path, String body) {
        try {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create(node.base() + path))
                            .header("Authorization", "Bearer " + API_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode())
                    .as("POST %s on %s: %s", path, node.name, r.body())
                    .isBetween(200, 299);
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " on " + node.name + " failed: " + e + "\n" + node.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the load ----

    /** One reserve request as sent. */
    record Request(int index, String customer, int quantity, String key) {

        String body() {
            return "{\"customer_id\": \"" + customer + "\", \"quantity\": " + quantity + "}";
        }
    }

    /**
     * What came back: the status and problem code, the reservation id of a 201, whether it was a
     * replay; or, when no answer came (the node died), the exception.
     */
    record Outcome(
            Request request,
            String node,
            int status,
            String code,
            Long reservationId,
            boolean replayed,
            String body,
            Throwable failure) {

        boolean reserved() {
            return status == 201;
        }

        boolean unanswered() {
            return failure != null;
        }

        @Override
        public String toString() {
            return request + " on " + node + " -> "
                    + (failure != null
                            ? failure.toString()
                            : status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    /** Sends reserve requests to nodes, at most {@code concurrency} in flight. */
    final class Load {

        private final Semaphore slots;
        private final List<CompletableFuture<Outcome>> sent = new ArrayList<>();
        private final FlashSaleFixture.Sale sale;

        Load(FlashSaleFixture.Sale sale, int concurrency) {
            this.sale = sale;
            this.slots = new Semaphore(concurrency);
        }

        /** Sends one request (blocks while {@code concurrency} are in flight). */
        CompletableFuture<Outcome> send(MagpieProcess node, Request request) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            var httpRequest = HttpRequest.newBuilder(URI.create(node.base() + sale.reservations()))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", request.key())
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            CompletableFuture<Outcome> outcome = http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        slots.release();
                        if (e != null) {
                            return new Outcome(request, node.name, -1, null, null, false, "", e);
                        }
                        String code = null;
                        Long id = null;
                        try {
                            JsonNode json = JSON.readTree(r.body());
                            if (r.statusCode() == 201) {
                                id = json.get("reservation_id").asLong();
                            } else if (json.get("code") != null) {
                                code = json.get("code").asString();
                            }
                        } catch (RuntimeException parse) {
                            code = "unparseable";
                        }
                        boolean replayed = "true"
                                .equals(r.headers()
                                        .firstValue("Idempotent-Replayed")
                                        .orElse(null));
                        return new Outcome(request, node.name, r.statusCode(), code, id, replayed, r.body(), null);
                    });
            synchronized (sent) {
                sent.add(outcome);
            }
            return outcome;
        }

        /** Waits for every request sent so far and returns their outcomes in sending order. */
        List<Outcome> await() {
            List<CompletableFuture<Outcome>> all;
            synchronized (sent) {
                all = new ArrayList<>(sent);
            }
            return all.stream().map(CompletableFuture::join).toList();
        }
    }

    Load load(FlashSaleFixture.Sale sale, int concurrency) {
        return new Load(sale, concurrency);
    }

    // ---- checks of the database ----

    /** The item's stock columns. */
    record ItemRow(int stock, int reserved, int sold, int leased) {}

    ItemRow item(long itemId) {
        return jdbc.sql("select stock, reserved, sold, leased from flashsale_item where id = ?")
                .param(itemId)
                .query((rs, n) -> new ItemRow(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    /** Reservation id → "customer:quantity" of every stored reservation of the item. */
    Map<Long, String> reservations(long itemId) {
        Map<Long, String> rows = new java.util.HashMap<>();
        jdbc.sql("select id, customer_id, quantity from flashsale_reservation where item_id = ?")
                .param(itemId)
                .query((rs, n) -> rows.put(rs.getLong(1), rs.getString(2) + ":" + rs.getInt(3)))
                .list();
        return rows;
    }

    /**
     * The database agrees with itself: the item's columns equal what its reservations and leases
     * add up to, nobody holds more than {@code limit} (counted over the reservation rows, and the
     * quota rows say the same), and nothing is oversold. Returns the units reserved.
     */
    int checkConsistent(long itemId, int limit) {
        ItemRow item = item(itemId);
        long reservedRows = count(
                "select coalesce(sum(quantity), 0) from flashsale_reservation where item_id = ? and status = 'RESERVED'",
                itemId);
        long soldRows = count(
                "select coalesce(sum(quantity), 0) from flashsale_reservation where item_id = ? and status = 'CONFIRMED'",
                itemId);
        long leaseRows = count("select coalesce(sum(amount), 0) from flashsale_stock_lease where item_id = ?", itemId);
        assertThat(item.reserved())
                .as("item.reserved = its RESERVED rows (%s)", item)
                .isEqualTo(reservedRows);
        assertThat(item.sold()).as("item.sold = its CONFIRMED rows (%s)", item).isEqualTo(soldRows);
        assertThat(item.leased()).as("item.leased = its lease rows (%s)", item).isEqualTo(leaseRows);
        assertThat(item.reserved() + item.sold() + item.leased())
                .as("no oversell: reserved + sold + leased <= stock (%s)", item)
                .isLessThanOrEqualTo(item.stock());
        List<String> overLimit =
                jdbc.sql("""
                        select customer_id || ' holds ' || sum(quantity) from flashsale_reservation
                         where item_id = ? and status in ('RESERVED', 'CONFIRMED')
                         group by customer_id having sum(quantity) > ?""").params(itemId, limit).query(String.class).list();
        assertThat(overLimit)
                .as("customers above the limit of %d (reservation rows)", limit)
                .isEmpty();
        List<String> quotaMismatch =
                jdbc.sql("""
                        select coalesce(q.customer_id, r.customer_id) || ': quota ' || coalesce(q.held, 0)
                               || ' rows ' || coalesce(r.units, 0)
                          from (select customer_id, held from flashsale_item_quota where item_id = ?) q
                          full join (select customer_id, sum(quantity) units from flashsale_reservation
                                      where item_id = ? and status in ('RESERVED', 'CONFIRMED')
                                      group by customer_id) r on r.customer_id = q.customer_id
                         where coalesce(q.held, 0) <> coalesce(r.units, 0)""").params(itemId, itemId).query(String.class).list();
        assertThat(quotaMismatch)
                .as("quota rows that differ from the reservation rows")
                .isEmpty();
        return item.reserved() + item.sold();
    }

    /**
     * Every 201 is a stored reservation with the customer and quantity it was answered with.
     */
    void checkEveryAnswerDurable(List<Outcome> outcomes, Map<Long, String> stored) {
        List<String> missing = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.reserved()) {
                String expected = o.request().customer() + ":" + o.request().quantity();
                String row = stored.get(o.reservationId());
                if (!expected.equals(row)) {
                    missing.add(o + " but the database has " + row);
                }
            }
        }
        assertThat(missing).as("201 answers that are not durable as answered").isEmpty();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // ---- plumbing ----

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    /** Drops databases that earlier test JVMs (no longer alive) left behind. */
    private static void dropLeftovers(String server) {
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select datname from pg_database where datname like 'magpie\\_it\\_%'")) {
            List<String> stale = new ArrayList<>();
            while (rs.next()) {
                String name = rs.getString(1);
                long pid = Long.parseLong(name.split("_")[2]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException | RuntimeException e) {
            // best effort: a leftover database costs disk space, not correctness
        }
    }
}
