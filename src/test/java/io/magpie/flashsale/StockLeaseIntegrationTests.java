package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster lease mechanics against the real database: several nodes are several
 * {@link PostgresStockLeases} (and {@link SaleBook}s / {@link LeaseKeeper}s) with different node ids.
 * Their time-to-live is 1000 h so they never reclaim what other tests leave behind; a lease is made
 * "dead" by moving its {@code renewed_at} back 2000 h.
 */
@MagpieIntegrationTest
class StockLeaseIntegrationTests {

    static final Duration TTL = Duration.ofHours(1000);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    SaleBook book;

    @Autowired
    StockLeases localLeases;

    PostgresStockLeases node(String name, int segment) {
        return new PostgresStockLeases(
                jdbc,
                transactions,
                clock,
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                segment,
                TTL);
    }

    SaleBook bookOf(StockLeases leases) {
        return new SaleBook(context.getBean(FlashSaleRows.class), context.getBean(ReservationRows.class), leases);
    }

    LeaseKeeper keeperOf(StockLeases leases, SaleBook book) {
        return new LeaseKeeper(leases, book, clock, Duration.ofHours(1000), Duration.ofHours(1000), TTL);
    }

    int lease(long item, String node) {
        return jdbc.sql("select coalesce(sum(amount), 0) from flashsale_stock_lease where item_id = ? and node_id = ?")
                .params(item, node)
                .query(Integer.class)
                .single();
    }

    int leased(long item) {
        return jdbc.sql("select leased from flashsale_item where id = ?")
                .param(item)
                .query(Integer.class)
                .single();
    }

    /** The item's column equals the sum of its lease rows, and the no-oversell sum holds. */
    void consistent(long item) {
        int rows = jdbc.sql("select coalesce(sum(amount), 0) from flashsale_stock_lease where item_id = ?")
                .param(item)
                .query(Integer.class)
                .single();
        assertThat(leased(item)).as("flashsale_item.leased = sum of lease rows").isEqualTo(rows);
        assertThat(jdbc.sql("select reserved + sold + leased <= stock from flashsale_item where id = ?")
                        .param(item)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /** Tops up until the pool is empty (segments shrink to shares); returns the units taken. */
    static int takeAll(StockLeases node, long tenant, long item) {
        int total = 0;
        for (int n; (n = node.topUp(tenant, item)) > 0; ) {
            total += n;
        }
        return total;
    }

    void kill(long item, String node) {
        jdbc.sql("update flashsale_stock_lease set renewed_at = renewed_at - interval '2000 hours'"
                        + " where item_id = ? and node_id = ?")
                .params(item, node)
                .update();
    }

    @Test
    void segmentsShrinkAsTheStockRunsOutSoEveryNodeGetsAShare() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(25, 2);
        long t = f.tenant.id();
        var a = node("a", 10);
        var b = node("b", 10);
        var c = node("c", 10);

        assertThat(a.topUp(t, sale.item())).isEqualTo(10); // a full segment while plenty is left
        assertThat(b.topUp(t, sale.item())).isEqualTo(8); // 15 left, two live nodes: ceil(15 / 2)
        assertThat(c.topUp(t, sale.item())).isEqualTo(3); // 7 left, three nodes: ceil(7 / 3)
        assertThat(a.topUp(t, sale.item())).isEqualTo(2); // ceil(4 / 3)
        assertThat(b.topUp(t, sale.item())).isEqualTo(1);
        assertThat(c.topUp(t, sale.item())).isEqualTo(1);
        assertThat(a.topUp(t, sale.item())).isZero();
        assertThat(leased(sale.item())).isEqualTo(25);
        consistent(sale.item());
    }

    @Test
    void aDeadNodesLeaseIsReclaimedWhileALiveOnesIsRenewed() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(30, 2);
        long t = f.tenant.id();
        var dead = node("dead", 10);
        var alive = node("alive", 10);
        var survivor = node("survivor", 10);
        assertThat(dead.topUp(t, sale.item())).isEqualTo(10);
        assertThat(alive.topUp(t, sale.item())).isEqualTo(10);
        kill(sale.item(), dead.nodeId());
        kill(sale.item(), alive.nodeId());
        // the live node's heartbeat renews its rows (those holding units, even of items it does not
        // name) before anyone reclaims them
        alive.renew(List.of());

        var reclaimed = survivor.reclaimExpired().stream()
                .filter(r -> r.itemId() == sale.item())
                .toList();

        assertThat(reclaimed).containsExactly(new StockLeases.Reclaimed(sale.item(), dead.nodeId(), 10));
        assertThat(lease(sale.item(), dead.nodeId())).isZero();
        assertThat(lease(sale.item(), alive.nodeId())).isEqualTo(10);
        assertThat(leased(sale.item())).isEqualTo(10);
        consistent(sale.item());
        // the dead node's units are on sale again (a full segment, then a share with the live node)
        assertThat(survivor.topUp(t, sale.item())).isEqualTo(10);
        assertThat(survivor.topUp(t, sale.item())).isEqualTo(5);
        // a node that comes back finds no lease: it cannot hand back what it no longer holds
        assertThat(dead.release(sale.item(), 1)).isFalse();
        consistent(sale.item());
    }

    @Test
    void aNodeWhoseLeaseWasReclaimedIsRefusedByTheDatabaseAndRebuilds() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 5);
        String local = localLeases.nodeId();
        assertThat(f.reserve(sale, "first", 1).status()).isEqualTo(201); // this node leases all 9 left
        assertThat(lease(sale.item(), local)).isEqualTo(9);

        // this node is thought dead: another node reclaims its lease
        kill(sale.item(), local);
        var other = node("other", 0);
        assertThat(other.reclaimExpired().stream().filter(r -> r.itemId() == sale.item()))
                .containsExactly(new StockLeases.Reclaimed(sale.item(), local, 9));

        // memory still thinks it holds 9: the batch is refused by the lease check, nothing is written,
        // and the session is rebuilt from the database
        var refused = f.reserve(sale, "second", 1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(f.count("select count(*) from flashsale_reservation where item_id = ?", sale.item()))
                .isEqualTo(1);
        assertThat(book.peek(sale.session())).isEmpty();
        consistent(sale.item());

        // rebuilt: the node leases the reclaimed units again and the sale goes on exactly
        for (int i = 0; i < 9; i++) {
            assertThat(f.reserve(sale, "c" + i, 1).status()).isEqualTo(201);
        }
        assertThat(f.reserve(sale, "late", 1).code()).isEqualTo("sold_out");
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isEqualTo(10);
        consistent(sale.item());
    }

    @Test
    void theHeartbeatFindsALostLeaseAndRebuildsTheSession() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 5);
        var node = node("hb", 0);
        var nodeBook = bookOf(node);
        var keeper = keeperOf(node, nodeBook);
        nodeBook.get(f.tenant.id(), sale.session());
        keeper.renew();
        assertThat(nodeBook.peek(sale.session())).isPresent();

        kill(sale.item(), node.nodeId());
        node("other", 0).reclaimExpired();
        keeper.renew();

        assertThat(nodeBook.peek(sale.session())).isEmpty();
        var rebuilt = nodeBook.get(f.tenant.id(), sale.session());
        assertThat(rebuilt.items.get(sale.item()).available()).isEqualTo(10);
        assertThat(lease(sale.item(), node.nodeId())).isEqualTo(10);
        consistent(sale.item());
    }

    @Test
    void aNodeThatFindsThePoolEmptyGetsUnitsAnotherNodeHandsBack() throws Exception {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(12, 5);
        long t = f.tenant.id();
        var a = node("a", 10);
        var b = node("b", 10);
        var bookA = bookOf(a);
        var keeperA = keeperOf(a, bookA);
        var ledgerA = bookA.get(t, sale.session());
        var itemA = ledgerA.items.get(sale.item());
        assertThat(itemA.available()).isEqualTo(10);
        assertThat(b.topUp(t, sale.item())).isEqualTo(1); // ceil(2 / 2)
        assertThat(b.topUp(t, sale.item())).isEqualTo(1);

        // a promises one unit (its write is still pending) before b asks
        assertThat(ledgerA.take(itemA, "pending", 1, Instant.now())).isNull();
        assertThat(keeperA.rebalance()).as("nobody asked yet").isZero();
        assertThat(b.topUp(t, sale.item())).isZero(); // the pool is empty: b records that it wants units
        assertThat(a.demand(Instant.now().minusSeconds(60)))
                .singleElement()
                .satisfies(d -> assertThat(d.itemId()).isEqualTo(sale.item()));

        // a hands back what it has not promised, once per request
        assertThat(keeperA.rebalance()).isEqualTo(9);
        assertThat(keeperA.rebalance()).isZero();
        assertThat(itemA.available()).isZero();
        assertThat(lease(sale.item(), a.nodeId())).isEqualTo(1);
        consistent(sale.item());

        // a's pending write still finds its unit in the lease
        var pending = new PendingReservation(
                bookA.hashCode() * 1000L + System.nanoTime() % 1000,
                ledgerA,
                itemA,
                "pending",
                1,
                null,
                null,
                Instant.now(),
                Instant.now().plus(Duration.ofMinutes(15)),
                new CompletableFuture<>());
        var jdbcTemplate = new JdbcTemplate(context.getBean(DataSource.class));
        transactions.executeWithoutResult(tx -> jdbcTemplate.execute((ConnectionCallback<Void>) con -> {
            context.getBean(ReservationRows.class).insertBatch(con, List.of(pending), a.nodeId());
            return null;
        }));
        assertThat(lease(sale.item(), a.nodeId())).isZero();

        // b picks the handed-back units up: everything is sold exactly once
        assertThat(takeAll(b, t, sale.item())).isEqualTo(9);
        assertThat(f.count("select reserved + leased from flashsale_item where id = ?", sale.item()))
                .isEqualTo(12);
        consistent(sale.item());
    }

    @Test
    void aNodeNotSellingTheItemFromMemoryHandsBackItsWholeLease() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 5);
        long t = f.tenant.id();
        var a = node("a", 6);
        var b = node("b", 6);
        assertThat(a.topUp(t, sale.item())).isEqualTo(6);
        assertThat(b.topUp(t, sale.item())).isEqualTo(2); // ceil(4 / 2)
        assertThat(b.topUp(t, sale.item())).isEqualTo(1);
        assertThat(b.topUp(t, sale.item())).isEqualTo(1);
        assertThat(b.topUp(t, sale.item())).isZero();

        assertThat(keeperOf(a, bookOf(a)).rebalance()).isEqualTo(6);

        assertThat(lease(sale.item(), a.nodeId())).isZero();
        assertThat(takeAll(b, t, sale.item())).isEqualTo(6);
        consistent(sale.item());
    }

    @Test
    void aSingleNodeRecordsNoDemandWhenSoldOut() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(3, 5);
        var a = node("solo", 0);
        assertThat(a.topUp(f.tenant.id(), sale.item())).isEqualTo(3);
        assertThat(a.topUp(f.tenant.id(), sale.item())).isZero();
        assertThat(f.count(
                        "select count(*) from flashsale_stock_lease where item_id = ? and wanted_at is not null",
                        sale.item()))
                .isZero();
    }

    /** The refusal is decided by the constraint's name, not by the text of the row the error echoes. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "flashsale_reservation_key", "lease-quota-oversell"})
    void aBatchRefusedForOneReservationStillAnswersTheOthersInIt(String customer) throws Exception {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 1);
        assertThat(f.reserve(sale, customer, 1).status()).isEqualTo(201); // at the limit in the database
        // another node's memory, built before it knew: it accepts the customer again, and y
        var other = bookOf(localLeases).get(f.tenant.id(), sale.session());
        var item = other.items.get(sale.item());
        item.holdings.set(customer, 0);
        assertThat(other.take(item, customer, 1, Instant.now())).isNull();
        assertThat(other.take(item, "y", 1, Instant.now())).isNull();
        var ids = context.getBean(ReservationIds.class);
        var x = pending(ids.next(), other, item, customer);
        var y = pending(ids.next(), other, item, "y");

        context.getBean(ReservationWriter.class).write(List.of(x, y));

        // the quota row refuses x as limit_reached; y, retried alone, is stored and answered (not left waiting)
        assertThat(x.done())
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        io.magpie.platform.ProblemException.class,
                        p -> assertThat(p.code()).isEqualTo(Refusal.LIMIT_REACHED.code()));
        assertThat(y.done()).isCompletedWithValue(y.id());
        assertThat(f.count("select count(*) from flashsale_reservation where id = ?", y.id()))
                .isEqualTo(1);
        assertThat(f.count("select count(*) from flashsale_reservation where id = ?", x.id()))
                .isZero();
        consistent(sale.item());
    }

    static PendingReservation pending(long id, SessionLedger ledger, ItemLedger item, String customer) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return new PendingReservation(
                id,
                ledger,
                item,
                customer,
                1,
                null,
                null,
                now,
                now.plus(Duration.ofMinutes(15)),
                new CompletableFuture<>());
    }
}
