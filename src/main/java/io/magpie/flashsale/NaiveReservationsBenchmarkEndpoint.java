package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark peer, not a feature: the classic flash sale endpoint that {@code bench/flash-sale.sh}
 * compares Magpie's reservations with. One transaction per request: {@code UPDATE} of one hot stock
 * row {@code WHERE stock_left >= quantity}, then the insert of the reservation row (its
 * Idempotency-Key unique, as on the real endpoint), then commit. No per-customer limit, no memory.
 *
 * <p>Only present with {@code magpie.flashsale.naive-endpoint=true} (off by default), behind the same
 * API key authentication, filters and JSON as the real endpoint so that only the approach differs.
 * Tables: {@code flashsale_naive_item}, {@code flashsale_naive_reservation} (empty otherwise).
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "magpie.flashsale.naive-endpoint", havingValue = "true")
@RequestMapping(NaiveReservationsBenchmarkEndpoint.PATH)
class NaiveReservationsBenchmarkEndpoint {

    static final String PATH = "/api/v1/flash-sales/bench/naive";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    NaiveReservationsBenchmarkEndpoint(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What the naive endpoint answers: the shape of the real one's essentials. */
    record NaiveReservation(long reservationId, long itemId, String customerId, int quantity, Instant createdAt) {}

    @PostMapping("/{item}/reservations")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    ResponseEntity<NaiveReservation> reserve(
            @PathVariable long item,
            @RequestBody ReserveCommand body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        FlashSaleReservations.valid(body, key);
        int quantity = body.quantity() == null ? 1 : body.quantity();
        long tenantId = Tenancy.currentTenantId();
        NaiveReservation r;
        try {
            r = transactions.execute(tx -> reserve(tenantId, item, body.customerId(), quantity, key));
        } catch (DuplicateKeyException e) {
            r = replay(tenantId, key).orElseThrow(() -> e);
        } catch (ProblemException e) {
            // a replay of a request that took the last units is answered with its reservation
            r = key == null ? null : replay(tenantId, key).orElse(null);
            if (r == null) {
                throw e;
            }
        }
        return ResponseEntity.created(URI.create(PATH + "/" + item + "/reservations/" + r.reservationId()))
                .body(r);
    }

    private NaiveReservation reserve(long tenantId, long item, String customer, int quantity, String key) {
        int updated = jdbc.sql("""
                        update flashsale_naive_item set stock_left = stock_left - :quantity
                         where id = :item and tenant_id = :tenant and stock_left >= :quantity""")
                .param("quantity", quantity)
                .param("item", item)
                .param("tenant", tenantId)
                .update();
        if (updated == 0) {
            boolean exists =
                    jdbc.sql("select count(*) from flashsale_naive_item where id = :item and tenant_id = :tenant")
                                    .param("item", item)
                                    .param("tenant", tenantId)
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!exists) {
                throw ProblemException.notFound("flash sale item", item);
            }
            throw FlashSaleProblems.refused(Refusal.SOLD_OUT);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                        insert into flashsale_naive_reservation (tenant_id, item_id, customer_id, quantity, request_key,
                               created_at)
                        values (:tenant, :item, :customer, :quantity, :key, :now) returning id""")
                .param("tenant", tenantId)
                .param("item", item)
                .param("customer", customer)
                .param("quantity", quantity)
                .param("key", key)
                .param("now", FlashSaleRows.ts(now))
                .query(Long.class)
                .single();
        return new NaiveReservation(id, item, customer, quantity, now);
    }

    private Optional<NaiveReservation> replay(long tenantId, String key) {
        return jdbc.sql("""
                        select id, item_id, customer_id, quantity, created_at from flashsale_naive_reservation
                         where tenant_id = :tenant and request_key = :key""")
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> new NaiveReservation(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }
}
