package io.magpie.promotion;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the lifecycle events as they are published (synchronously; test sources, joins the shared context). */
@Component
class PromotionEventRecorder {

    private final Queue<Object> received = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(CouponRedeemed event) {
        received.add(event);
    }

    @EventListener
    void on(PromotionApplied event) {
        received.add(event);
    }

    @EventListener
    void on(PromotionReleased event) {
        received.add(event);
    }

    @EventListener
    void on(PromotionRolledBack event) {
        received.add(event);
    }

    @EventListener
    void on(PromotionReverted event) {
        received.add(event);
    }

    <T> List<T> received(Class<T> type, String orderId) {
        return received.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> orderId.equals(orderIdOf(e)))
                .toList();
    }

    private static String orderIdOf(Object e) {
        if (e instanceof CouponRedeemed c) {
            return c.orderId();
        }
        if (e instanceof PromotionApplied p) {
            return p.orderId();
        }
        if (e instanceof PromotionReleased p) {
            return p.orderId();
        }
        if (e instanceof PromotionRolledBack p) {
            return p.orderId();
        }
        return ((PromotionReverted) e).orderId();
    }
}
