package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 6: three Magpie JVMs on different ports share one PostgreSQL and sell 1,000 units
 * (limit 2 per customer) to 20,000 concurrent requests from distinct and repeated customers, sent
 * round-robin over the nodes. Each node leases segments of 50 units. Exactly 1,000 units are
 * reserved, nobody holds more than 2, every 201 is durable with its customer, and no request gets a
 * 5xx.
 */
class FlashSaleClusterIT {

    static final int STOCK = 1000;
    static final int LIMIT = 2;
    static final int REQUESTS = 20_000;
    static final int CUSTOMERS = 6_000; // about three requests each, on different nodes
    static final int CONCURRENCY = 96;
    static final int SEGMENT = 50;

    @Test
    void threeNodesSellExactlyTheStockWithinTheLimits() {
        try (var db = ExternalSale.freshDatabase("cluster");
                var n1 = node("cluster-node-1", db);
                var n2 = node("cluster-node-2", db);
                var n3 = node("cluster-node-3", db)) {
            List<MagpieProcess> nodes = List.of(n1, n2, n3);
            // the first node migrates the fresh database and creates the tenant and key; the other two
            // start together once it is ready
            long started = System.nanoTime();
            n1.start().awaitReady(Duration.ofMinutes(3));
            n2.start();
            n3.start();
            n2.awaitReady(Duration.ofMinutes(3));
            n3.awaitReady(Duration.ofMinutes(3));
            System.out.printf("cluster test: 3 nodes ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            try {
                run(db, nodes);
            } catch (AssertionError | RuntimeException e) {
                StringBuilder logs = new StringBuilder();
                nodes.forEach(n -> logs.append('\n').append(n.tail()));
                throw new AssertionError(e.getMessage() + logs, e);
            }
        }
    }

    /**
     * A small sale of its own first, so every node has loaded the classes of the reserve path and
     * its writer has committed once before the measured load (a cold JVM on a busy machine can take
     * seconds for its first batch).
     */
    private static void warmUp(ExternalSale db, List<MagpieProcess> nodes) {
        var warmUp = db.runningSale(nodes.get(0), 60, 1);
        var load = db.load(warmUp, 12);
        for (int i = 0; i < 120; i++) {
            load.send(nodes.get(i % nodes.size()), new ExternalSale.Request(i, "w" + i, 1, "warm-up-" + i));
        }
        var outcomes = load.await();
        assertThat(outcomes.stream().filter(o -> !o.reserved() && !FlashSaleCrashIT.isRefusal(o)))
                .as("warm-up answers")
                .isEmpty();
    }

    private static MagpieProcess node(String name, ExternalSale db) {
        return MagpieProcess.node(
                name,
                name,
                db.nodeUrl(),
                ExternalSale.API_KEY,
                "--magpie.flashsale.lease-segment=" + SEGMENT,
                "--magpie.flashsale.lease-renew-interval=PT2S",
                "--magpie.flashsale.lease-ttl=PT15S");
    }

    private void run(ExternalSale db, List<MagpieProcess> nodes) {
        warmUp(db, nodes);
        var sale = db.runningSale(nodes.get(0), STOCK, LIMIT);
        var load = db.load(sale, CONCURRENCY);
        Random random = new Random(20261111);
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String customer = "c" + random.nextInt(CUSTOMERS);
            int quantity = random.nextInt(5) == 0 ? 2 : 1;
            load.send(nodes.get(i % nodes.size()), new ExternalSale.Request(i, customer, quantity, "cluster-" + i));
        }
        List<ExternalSale.Outcome> outcomes = load.await();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        Map<String, Map<String, Long>> byNode = new TreeMap<>();
        for (var o : outcomes) {
            String what = o.unanswered() ? "no answer" : o.status() + (o.code() == null ? "" : " " + o.code());
            byNode.computeIfAbsent(o.node(), n -> new TreeMap<>()).merge(what, 1L, Long::sum);
        }
        System.out.printf(
                "cluster test: %d requests in %d ms (%.0f/s): %s%n",
                outcomes.size(), elapsedMs, outcomes.size() * 1000.0 / elapsedMs, byNode);

        List<String> unexpected = outcomes.stream()
                .filter(o -> !o.reserved() && !FlashSaleCrashIT.isRefusal(o))
                .limit(20)
                .map(Object::toString)
                .toList();
        assertThat(unexpected)
                .as("answers other than 201 / 409 sold_out / 409 limit_reached (no 5xx, no lost answer)")
                .isEmpty();

        int grantedUnits = outcomes.stream()
                .filter(ExternalSale.Outcome::reserved)
                .mapToInt(o -> o.request().quantity())
                .sum();
        Map<String, Integer> grantedPerCustomer = outcomes.stream()
                .filter(ExternalSale.Outcome::reserved)
                .collect(Collectors.toMap(
                        o -> o.request().customer(), o -> o.request().quantity(), Integer::sum));
        assertThat(grantedPerCustomer.values().stream().filter(units -> units > LIMIT))
                .as("customers answered 201 for more than %d units", LIMIT)
                .isEmpty();

        int reserved = db.checkConsistent(sale.item(), LIMIT);
        var stored = db.reservations(sale.item());
        db.checkEveryAnswerDurable(outcomes, stored);
        assertThat(stored)
                .as("stored reservations = the 201 answers (no reservation nobody was told about)")
                .hasSize((int)
                        outcomes.stream().filter(ExternalSale.Outcome::reserved).count());
        assertThat(reserved).as("units reserved in the database").isEqualTo(STOCK);
        assertThat(grantedUnits).as("units answered 201").isEqualTo(STOCK);
        assertThat(db.item(sale.item()).leased()).as("units left in leases").isZero();
        Map<String, Long> perNode = db
                .jdbc
                .sql("select node_id, sum(quantity) from flashsale_reservation where item_id = ? group by node_id")
                .param(sale.item())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
        System.out.printf("cluster test: units sold per node %s%n", perNode);
        assertThat(perNode).as("every node sold").hasSize(nodes.size());
    }
}
