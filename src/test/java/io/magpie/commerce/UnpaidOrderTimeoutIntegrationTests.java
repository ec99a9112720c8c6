package io.magpie.commerce;

import static io.magpie.commerce.OrderLifecycleIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unpaid orders time out. The test configuration sets a 24 h timeout and keeps the scheduled sweep
 * from firing, so these tests age their orders by moving their creation time back 25 h, then sweep.
 */
@MagpieIntegrationTest
class UnpaidOrderTimeoutIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    UnpaidOrderSweeper sweeper;

    @Autowired
    OrderEventRecorder recorder;

    OrderFixture f;

    @BeforeEach
    void setUp() {
        f = OrderFixture.create(context);
    }

    private String create() {
        String id = OrderFixture.newOrderId();
        Api.Response r = f.post("/api/v1/orders", OrderFixture.order(id));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    private void age(String... orderIds) {
        f.jdbc.sql("""
                        update commerce_order set created_at = created_at - interval '25 hours'
                         where tenant_id = ? and order_no = any(?)""").params(f.tenant.id(), orderIds).update();
    }

    private String status(String orderId) {
        return f.get("/api/v1/orders/" + orderId).json().get("status").asString();
    }

    @Test
    void cancelsOldUnpaidOrdersOnceAndLeavesTheOthersAlone() {
        String old = create();
        String paid = create();
        f.post("/api/v1/orders/" + paid + "/pay", "{}");
        String recent = create(); // ordered_at is months ago, but Magpie received it just now
        String cancelled = create();
        f.post("/api/v1/orders/" + cancelled + "/cancel", "{\"reason\": \"customer changed their mind\"}");
        age(old, paid, cancelled);

        sweeper.sweep();
        sweeper.sweep();

        var view = f.get("/api/v1/orders/" + old).json();
        assertThat(view.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(view.get("cancel_reason").asString()).isEqualTo("payment_timeout");
        assertThat(status(paid)).isEqualTo("PAID");
        assertThat(status(recent)).isEqualTo("CREATED");
        assertThat(f.get("/api/v1/orders/" + cancelled)
                        .json()
                        .get("cancel_reason")
                        .asString())
                .isEqualTo("customer changed their mind");
        assertThat(f.publications("OrderCancelled", old)).isEqualTo(1);
        assertThat(f.publications("OrderCancelled", paid)).isZero();
        assertThat(f.publications("OrderCancelled", recent)).isZero();
        assertThat(f.publications("OrderCancelled", cancelled)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.received(OrderCancelled.class, old))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.reason()).isEqualTo("payment_timeout");
                            assertThat(e.customerId()).isEqualTo("c-1001");
                            assertThat(e.tenantId()).isEqualTo(f.tenant.id());
                        }));

        // a timed-out order cannot be paid any more; cancelling it again changes nothing
        assertProblem(f.post("/api/v1/orders/" + old + "/pay", "{}"), 409, "illegal_transition");
        assertThat(f.post("/api/v1/orders/" + old + "/cancel", "{}").status()).isEqualTo(200);
        assertThat(f.publications("OrderCancelled", old)).isEqualTo(1);
    }

    @Test
    void aZeroTimeoutSweepsNothing() {
        String old = create();
        age(old);
        UnpaidOrderSweeper disabled = new UnpaidOrderSweeper(
                context.getBean(JdbcClient.class),
                context.getBean(TransactionTemplate.class),
                context,
                context.getBean(Clock.class),
                Duration.ZERO);

        assertThat(disabled.sweep()).isZero();
        assertThat(status(old)).isEqualTo("CREATED");
        assertThat(sweeper.sweep()).isPositive();
        assertThat(status(old)).isEqualTo("CANCELLED");
    }

    @Test
    void aPaymentRacingTheSweeperEitherWinsOrIsRefused() throws Exception {
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> create()).toList();
        age(ids.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            CyclicBarrier start = new CyclicBarrier(9);
            Future<?> sweeping = pool.submit(() -> {
                start.await();
                return sweeper.sweep();
            });
            List<List<String>> slices = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                slices.add(new ArrayList<>());
            }
            for (int i = 0; i < ids.size(); i++) {
                slices.get(i % 8).add(ids.get(i));
            }
            List<CompletableFuture<List<Integer>>> paying = new ArrayList<>();
            for (List<String> slice : slices) {
                paying.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return slice.stream()
                                    .map(id -> f.post("/api/v1/orders/" + id + "/pay", "{}")
                                            .status())
                                    .toList();
                        },
                        pool));
            }
            sweeping.get();
            for (int t = 0; t < 8; t++) {
                List<Integer> statuses = paying.get(t).get();
                for (int k = 0; k < statuses.size(); k++) {
                    String id = slices.get(t).get(k);
                    String status = status(id);
                    if (statuses.get(k) == 200) {
                        assertThat(status).as(id).isEqualTo("PAID");
                        assertThat(f.publications("OrderPaid", id)).isEqualTo(1);
                        assertThat(f.publications("OrderCancelled", id)).isZero();
                    } else {
                        assertThat(statuses.get(k)).as(id).isEqualTo(409);
                        assertThat(status).as(id).isEqualTo("CANCELLED");
                        assertThat(f.publications("OrderCancelled", id)).isEqualTo(1);
                        assertThat(f.publications("OrderPaid", id)).isZero();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // whatever the interleaving, nothing is left unpaid and uncancelled
        sweeper.sweep();
        assertThat(ids.stream().map(this::status).distinct()).doesNotContain("CREATED");
    }
}
