package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import io.magpie.platform.MagpieIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Many clients at once on one order: the unique key and the row lock keep the numbers exact. */
@MagpieIntegrationTest
class OrderConcurrencyIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void twentyRefundsOfTheLastUnitRefundItOnce() throws Exception {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        f.createPaid(id, OrderFixture.simpleOrder(id, 2));
        f.post(
                "/api/v1/orders/" + id + "/refunds",
                "{\"refund_id\": \"first\", \"lines\": [{\"line_id\": \"a\", \"units\": [0]}]}");

        List<Api.Response> responses = race(
                20,
                i -> f.post(
                        "/api/v1/orders/" + id + "/refunds",
                        "{\"refund_id\": \"r" + i + "\", \"lines\": [{\"line_id\": \"a\", \"units\": [1]}]}"));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.code()).isIn("unit_already_refunded", "illegal_transition");
        });
        var order = f.get("/api/v1/orders/" + id).json();
        assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(order.get("refunded").asLong()).isEqualTo(200);
        assertThat(order.get("lines").get(0).get("refunded_quantity").asInt()).isEqualTo(2);
        assertThat(f.refunds()).isEqualTo(2);
        assertThat(f.publications("OrderRefunded", id)).isEqualTo(2);
    }

    @Test
    void twentyRefundsByQuantityNeverOverRefund() throws Exception {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        f.createPaid(id, OrderFixture.simpleOrder(id, 7));

        List<Api.Response> responses = race(
                20,
                i -> f.post(
                        "/api/v1/orders/" + id + "/refunds",
                        "{\"refund_id\": \"q" + i + "\", \"lines\": [{\"line_id\": \"a\", \"quantity\": 1}]}"));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(7);
        var order = f.get("/api/v1/orders/" + id).json();
        assertThat(order.get("refunded").asLong()).isEqualTo(700);
        assertThat(f.count("""
                        select count(distinct u) from commerce_refund_line rl
                          join commerce_refund r on r.id = rl.refund_id, unnest(rl.units) u
                         where r.tenant_id = ?""")).isEqualTo(7);
    }

    @Test
    void tenClientsCreatingTheSameOrderMakeOneRow() throws Exception {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();

        List<Api.Response> responses = race(10, i -> f.post("/api/v1/orders", OrderFixture.order(id)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(f.orders()).isEqualTo(1);
        assertThat(f.lines()).isEqualTo(2);
        assertThat(f.customers()).isEqualTo(1);
        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
    }

    @Test
    void tenClientsCreatingTheSameIdWithDifferentBodiesLeaveOneWinner() throws Exception {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();

        List<Api.Response> responses = race(10, i -> f.post("/api/v1/orders", OrderFixture.simpleOrder(id, i + 1)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("order_conflict"));
        assertThat(f.orders()).isEqualTo(1);
    }

    private static List<Api.Response> race(int n, IntFunction<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<Api.Response> task = () -> {
                    start.await();
                    return call.apply(k);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
