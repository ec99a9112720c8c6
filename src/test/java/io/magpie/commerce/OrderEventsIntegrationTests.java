package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Order events go through the JDBC outbox: one publication per listener, completed once delivered. */
@MagpieIntegrationTest
class OrderEventsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderEventRecorder recorder;

    @Test
    void eachTransitionLeavesOnePublicationThatIsCompletedOnDelivery() {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        f.createPaid(id, OrderFixture.order(id));
        f.post("/api/v1/orders/" + id + "/pay", "{}");
        f.post("/api/v1/orders/" + id + "/refunds", OrderLifecycleIntegrationTests.refund("r1", "1", 1));

        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
        assertThat(f.publications("OrderPaid", id)).isEqualTo(1);
        assertThat(f.publications("OrderRefunded", id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(f.jdbc.sql("""
                                        select count(*) from event_publication
                                         where serialized_event like ? and completion_date is not null
                                           and listener_id like '%OrderEventRecorder%'""")
                                .param("%" + id + "%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(3));
        assertThat(recorder.received(OrderCreated.class, id)).hasSize(1);
        assertThat(recorder.received(OrderPaid.class, id)).hasSize(1);
        assertThat(recorder.received(OrderRefunded.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(4532));
    }

    @Test
    void aRejectedRequestPublishesNothing() {
        OrderFixture f = OrderFixture.create(context);
        String id = OrderFixture.newOrderId();
        f.post("/api/v1/orders", OrderFixture.order(id).replace("\"cup\"", "\"no-such-sku\""));
        f.post("/api/v1/orders", OrderFixture.simpleOrder(id, 1));
        f.post("/api/v1/orders", OrderFixture.simpleOrder(id, 2));
        f.post("/api/v1/orders/" + id + "/cancel", "{}");
        f.post("/api/v1/orders/" + id + "/pay", "{}");

        assertThat(f.publications("OrderCreated", id)).isEqualTo(1);
        assertThat(f.publications("OrderCancelled", id)).isEqualTo(1);
        assertThat(f.publications("OrderPaid", id)).isZero();
    }
}
