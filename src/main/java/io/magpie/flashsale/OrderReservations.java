package io.magpie.flashsale;

import io.magpie.commerce.OrderCancelled;
import io.magpie.commerce.OrderPaid;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The order's life confirms or releases the reservations made for it (by the order id the shop gave). */
@Component
class OrderReservations {

    private final FlashSaleReservations reservations;

    OrderReservations(FlashSaleReservations reservations) {
        this.reservations = reservations;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        reservations.confirmOrder(paid.tenantId(), paid.orderId());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        reservations.cancelOrder(cancelled.tenantId(), cancelled.orderId());
    }
}
