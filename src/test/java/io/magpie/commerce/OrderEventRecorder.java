package io.magpie.commerce;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener like the ones other modules will have: it makes the event publication registry keep a
 * publication per order event, and records what it received. It lives in the test sources and joins
 * the shared test context through component scanning, so no test needs a context of its own.
 */
@Component
class OrderEventRecorder {

    private final Queue<Object> received = new ConcurrentLinkedQueue<>();

    @ApplicationModuleListener
    void on(OrderCreated event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(OrderRefunded event) {
        received.add(event);
    }

    <T> List<T> received(Class<T> type, String orderId) {
        return received.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> orderId.equals(orderIdOf(e)))
                .toList();
    }

    private static String orderIdOf(Object event) {
        if (event instanceof OrderCreated e) {
            return e.orderId();
        }
        if (event instanceof OrderPaid e) {
            return e.orderId();
        }
        if (event instanceof OrderCancelled e) {
            return e.orderId();
        }
        return ((OrderRefunded) event).orderId();
    }
}
