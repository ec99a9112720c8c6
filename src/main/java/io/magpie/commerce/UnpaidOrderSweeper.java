package io.magpie.commerce;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders left unpaid longer than {@code magpie.commerce.unpaid-order-timeout} (reason
 * {@code payment_timeout}), counting from when Magpie took them in. Safe on several nodes at once:
 * each batch locks its orders with {@code skip locked} and cancels only those still CREATED, so an
 * order being paid or cancelled right now is left to that request, and every order is cancelled
 * (and {@link OrderCancelled} published) once.
 */
@Component
class UnpaidOrderSweeper {

    static final String REASON = "payment_timeout";
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderSweeper.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration timeout;

    UnpaidOrderSweeper(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${magpie.commerce.unpaid-order-timeout:PT30M}") Duration timeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Scheduled(
            fixedDelayString = "${magpie.commerce.unpaid-order-sweep-interval:PT30S}",
            initialDelayString = "${magpie.commerce.unpaid-order-sweep-interval:PT30S}")
    void sweepScheduled() {
        int n = sweep();
        if (n > 0) {
            log.info("cancelled {} orders unpaid for more than {}", n, timeout);
        }
    }

    /** Cancels every order due now, batch by batch; returns how many this call cancelled. */
    int sweep() {
        if (timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        int total = 0;
        int n;
        do {
            n = transactions.execute(status -> batch());
            total += n;
        } while (n == BATCH);
        return total;
    }

    private int batch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Timestamp at = Timestamp.from(now);
        List<OrderCancelled> cancelled = jdbc.sql("""
                        with due as (
                            select id from commerce_order
                             where status = 'CREATED' and auto_cancel and created_at <= ?
                             order by created_at
                             limit ?
                               for update skip locked)
                        update commerce_order o
                           set status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, updated_at = ?
                          from due
                         where o.id = due.id and o.status = 'CREATED'
                        returning o.tenant_id, o.order_no,
                                  (select c.external_id from commerce_customer c where c.id = o.customer_id)""")
                .params(Timestamp.from(now.minus(timeout)), BATCH, at, REASON, at)
                .query((rs, i) -> new OrderCancelled(rs.getLong(1), rs.getString(2), rs.getString(3), REASON, now))
                .list();
        cancelled.forEach(events::publishEvent);
        return cancelled.size();
    }
}
