package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, item 5: Magpie in a JVM of its own sells 1,000 units (limit 2 per customer) under load,
 * is killed with SIGKILL mid-sale, and restarted with the same node id. Before the restart the
 * database holds no more than the stock, consistent columns, every reservation answered 201 and
 * nobody above the limit; after it the same keys replay the same reservations and the sale goes on
 * to exactly the stock.
 */
class FlashSaleCrashIT {

    static final int STOCK = 1000;
    static final int LIMIT = 2;
    static final int CUSTOMERS = 1500; // up to 3,000 units wanted for 1,000
    static final int CONCURRENCY = 32;
    static final int KILL_AFTER = 300; // 201s before the kill

    final Random random = new Random(20261111);
    int sentCount;

    @Test
    void aNodeKilledMidSaleLosesNoAnsweredReservationAndTheSaleEndsAtExactlyTheStock() {
        try (var sale = ExternalSale.freshDatabase("crash");
                var node = MagpieProcess.node(
                        "crash-node",
                        "crash-node-1",
                        sale.nodeUrl(),
                        ExternalSale.API_KEY,
                        "--magpie.flashsale.lease-segment=0")) {
            node.start().awaitReady(Duration.ofMinutes(3));
            try {
                run(sale, node);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + node.tail(), e);
            }
        }
    }

    private void run(ExternalSale db, MagpieProcess node) {
        var sale = db.runningSale(node, STOCK, LIMIT);

        // ---- phase 1: load, and SIGKILL once a few hundred reservations were answered ----
        var load = db.load(sale, CONCURRENCY);
        List<ExternalSale.Request> sent = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        long started = System.nanoTime();
        while (answered.get() < KILL_AFTER) {
            assertThat(sent.size())
                    .as("reservations answered before 20,000 requests")
                    .isLessThan(20_000);
            var request = next(sent);
            sent.add(request);
            load.send(node, request).thenAccept(o -> {
                if (o.reserved()) {
                    answered.incrementAndGet();
                }
            });
        }
        node.killHard();
        List<ExternalSale.Outcome> before = load.await();
        long killedAfterMs = (System.nanoTime() - started) / 1_000_000;

        List<String> unexpected = before.stream()
                .filter(o -> !o.unanswered() && !o.reserved() && !isRefusal(o))
                .map(Object::toString)
                .toList();
        assertThat(unexpected)
                .as("answers other than 201 / 409 before the kill")
                .isEmpty();
        List<ExternalSale.Outcome> reservedBefore =
                before.stream().filter(ExternalSale.Outcome::reserved).toList();
        Set<String> unknown = before.stream()
                .filter(ExternalSale.Outcome::unanswered)
                .map(o -> o.request().key())
                .collect(Collectors.toSet());
        System.out.printf(
                "crash test: killed after %d ms: %d requests sent, %d answered 201, %d without an answer%n",
                killedAfterMs, sent.size(), reservedBefore.size(), unknown.size());
        assertThat(unknown).as("requests in flight when the node was killed").isNotEmpty();

        // ---- the database after the kill ----
        int durable = db.checkConsistent(sale.item(), LIMIT);
        assertThat(durable).as("durable units after the kill").isLessThanOrEqualTo(STOCK);
        var item = db.item(sale.item());
        assertThat(item.reserved() + item.leased())
                .as("every unit is either reserved or still in the node's lease (%s)", item)
                .isEqualTo(STOCK);
        var stored = db.reservations(sale.item());
        db.checkEveryAnswerDurable(before, stored);
        Set<Long> answeredIds = before.stream()
                .filter(ExternalSale.Outcome::reserved)
                .map(ExternalSale.Outcome::reservationId)
                .collect(Collectors.toSet());
        long unansweredRows =
                stored.keySet().stream().filter(id -> !answeredIds.contains(id)).count();
        assertThat(unansweredRows)
                .as("stored reservations nobody heard 201 for: only requests in flight at the kill")
                .isLessThanOrEqualTo(unknown.size());
        assertThat(db.count(
                        "select count(*) from flashsale_reservation where item_id = ? and not (request_key = any(?))",
                        sale.item(),
                        sent.stream().map(ExternalSale.Request::key).toArray(String[]::new)))
                .as("stored reservations of requests never sent")
                .isZero();

        // ---- phase 2: restart with the same node id ----
        node.start().awaitReady(Duration.ofMinutes(3));
        var after = db.load(sale, CONCURRENCY);
        // answered keys replay their reservations: memory was rebuilt from the database
        Map<String, Long> idByKey = new HashMap<>();
        for (var o : reservedBefore) {
            idByKey.put(o.request().key(), o.reservationId());
            after.send(node, o.request());
        }
        // requests that got no answer: replayed with their key, each is decided once
        for (var r : sent) {
            if (unknown.contains(r.key())) {
                after.send(node, r);
            }
        }
        List<ExternalSale.Outcome> replays = after.await();
        List<String> wrongReplays = new ArrayList<>();
        for (var o : replays) {
            Long first = idByKey.get(o.request().key());
            if (first != null && !(o.reserved() && o.replayed() && first.equals(o.reservationId()))) {
                wrongReplays.add(o + " (answered 201 with reservation " + first + " before the kill)");
            }
            if (first == null && !o.reserved() && !isRefusal(o)) {
                wrongReplays.add(o.toString());
            }
        }
        assertThat(wrongReplays).as("replays after the restart").isEmpty();

        // the sale continues until the stock is gone
        var rest = db.load(sale, CONCURRENCY);
        int soldOut = 0;
        int requests = 0;
        List<ExternalSale.Outcome> window = new ArrayList<>();
        while (soldOut < 300) {
            assertThat(requests)
                    .as("requests after the restart before selling out")
                    .isLessThan(20_000);
            for (int i = 0; i < 200; i++) {
                var request = next(sent);
                sent.add(request);
                rest.send(node, request);
                requests++;
            }
            window = rest.await();
            soldOut = (int)
                    window.stream().filter(o -> "sold_out".equals(o.code())).count();
        }
        List<ExternalSale.Outcome> continued = rest.await();
        List<String> unexpectedAfter = continued.stream()
                .filter(o -> !o.reserved() && !isRefusal(o))
                .map(Object::toString)
                .toList();
        assertThat(unexpectedAfter)
                .as("answers other than 201 / 409 after the restart")
                .isEmpty();

        // ---- final: exactly the stock, nobody above the limit, every 201 durable ----
        assertThat(db.checkConsistent(sale.item(), LIMIT))
                .as("units reserved at the end")
                .isEqualTo(STOCK);
        assertThat(db.item(sale.item()).leased()).as("units left in leases").isZero();
        List<ExternalSale.Outcome> all = new ArrayList<>(before);
        all.addAll(replays);
        all.addAll(continued);
        var finalRows = db.reservations(sale.item());
        db.checkEveryAnswerDurable(all, finalRows);
        Set<Long> everAnswered = all.stream()
                .filter(ExternalSale.Outcome::reserved)
                .map(ExternalSale.Outcome::reservationId)
                .collect(Collectors.toSet());
        assertThat(finalRows.keySet())
                .as("after the replays every stored reservation was answered 201")
                .isEqualTo(everAnswered);
        System.out.printf(
                "crash test: after the restart %d replays, %d new requests; %d reservations, %d units, %d customers%n",
                replays.size(),
                continued.size(),
                finalRows.size(),
                STOCK,
                db.count(
                        "select count(distinct customer_id) from flashsale_reservation where item_id = ?",
                        sale.item()));
    }

    /**
     * The next request: a customer drawn from {@link #CUSTOMERS} (so some come back), 1 or 2 units,
     * a fresh key; one request in ten is a replay of an earlier one, same key and body.
     */
    private ExternalSale.Request next(List<ExternalSale.Request> sent) {
        sentCount++;
        if (!sent.isEmpty() && random.nextInt(10) == 0) {
            return sent.get(random.nextInt(sent.size()));
        }
        String customer = "c" + random.nextInt(CUSTOMERS);
        int quantity = random.nextInt(4) == 0 ? 2 : 1;
        return new ExternalSale.Request(sentCount, customer, quantity, "crash-" + sentCount);
    }

    static boolean isRefusal(ExternalSale.Outcome o) {
        return o.status() == 409 && ("sold_out".equals(o.code()) || "limit_reached".equals(o.code()));
    }
}
