package io.magpie.flashsale;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires reservations left unpaid past {@code magpie.flashsale.reservation-ttl}, every
 * {@code magpie.flashsale.sweep-interval}; their stock returns to sale. Safe on several nodes:
 * due rows are locked with {@code skip locked}.
 */
@Component
class ReservationSweeper {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final FlashSaleReservations reservations;
    private final Duration ttl;

    ReservationSweeper(
            FlashSaleReservations reservations, @Value("${magpie.flashsale.reservation-ttl:PT15M}") Duration ttl) {
        this.reservations = reservations;
        this.ttl = ttl;
    }

    @Scheduled(
            fixedDelayString = "${magpie.flashsale.sweep-interval:PT5S}",
            initialDelayString = "${magpie.flashsale.sweep-interval:PT5S}")
    void sweepScheduled() {
        int n = sweep();
        if (n > 0) {
            log.info("expired {} flash sale reservations unpaid for {}", n, ttl);
        }
    }

    int sweep() {
        int total = 0;
        int n;
        do {
            n = reservations.expireDue(BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }
}
