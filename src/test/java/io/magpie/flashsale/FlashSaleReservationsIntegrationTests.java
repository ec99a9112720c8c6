package io.magpie.flashsale;

import static io.magpie.flashsale.FlashSaleFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.magpie.commerce.CommerceSeed;
import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The storefront's reservation calls over real HTTP on a real PostgreSQL. */
@MagpieIntegrationTest
class FlashSaleReservationsIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReservationSweeper sweeper;

    @Autowired
    ReservationRateLimits rateLimits;

    @Autowired
    LiveCatalog catalog;

    @Test
    void theNaiveBenchmarkPeerIsAbsentByDefault() {
        var f = FlashSaleFixture.create(context);
        long item = f.jdbc.sql("insert into flashsale_naive_item (tenant_id, stock_left) values (?, 3) returning id")
                .params(f.tenant.id())
                .query(Long.class)
                .single();

        var r = f.post(
                NaiveReservationsBenchmarkEndpoint.PATH + "/" + item + "/reservations", "{\"customer_id\": \"c-1\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(f.count("select stock_left from flashsale_naive_item where id = ?", item))
                .isEqualTo(3);
    }

    @Test
    void aReservationIsDurableWhenAnsweredAndTakesStock() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 2);

        var r = f.reserve(sale, "c-1", 2);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var json = r.json();
        long id = json.get("reservation_id").asLong();
        assertThat(json.get("status").asString()).isEqualTo("RESERVED");
        assertThat(json.get("quantity").asInt()).isEqualTo(2);
        assertThat(json.get("flash_price").asLong()).isEqualTo(990);
        assertThat(Instant.parse(json.get("expires_at").asString()))
                .isAfter(Instant.parse(json.get("created_at").asString()).plus(Duration.ofMinutes(14)));
        assertThat(r.header("Location")).endsWith("/reservations/" + id);
        assertThat(f.count(
                        "select count(*) from flashsale_reservation where tenant_id = ? and id = ? and status = 'RESERVED'",
                        f.tenant.id(),
                        id))
                .isEqualTo(1);
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isEqualTo(2);
        assertThat(ok(f.get(sale.stock())).json().get("stock_left").asLong()).isEqualTo(8);
        assertThat(ok(f.get(sale.reservations() + "/" + id))
                        .json()
                        .get("customer_id")
                        .asString())
                .isEqualTo("c-1");

        catalog.refresh();
        var listed = ok(f.get("/api/v1/flash-sales?status=current")).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("session_id").asLong()).isEqualTo(sale.session());
        assertThat(listed.get(0).get("items").get(0).get("stock_left").asLong()).isEqualTo(8);
        assertThat(listed.get(0).get("items").get(0).get("flash_price").asLong())
                .isEqualTo(990);
        assertThat(ok(f.get("/api/v1/flash-sales?status=upcoming")).json()).isEmpty();
    }

    @Test
    void refusalsCarryTheirCodes() {
        var f = FlashSaleFixture.create(context);
        var one = f.runningSale(2, 1);
        assertThat(f.reserve(one, "c-1", 1).status()).isEqualTo(201);
        assertThat(f.reserve(one, "c-1", 1).code()).isEqualTo("limit_reached");
        assertThat(f.reserve(one, "c-2", 1).status()).isEqualTo(201);
        var soldOut = f.reserve(one, "c-3", 1);
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.code()).isEqualTo("sold_out");

        var wide = f.runningSale(10, 2);
        assertThat(f.reserve(wide, "c-1", 3).code()).isEqualTo("limit_reached");

        var later = f.sale(Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(1), 5, 1, null);
        assertThat(f.reserve(later, "c-1", 1).code()).isEqualTo("not_started");
        catalog.refresh();
        var upcoming = ok(f.get("/api/v1/flash-sales?status=upcoming")).json();
        assertThat(upcoming).hasSize(1);
        assertThat(upcoming.get(0).get("items").get(0).get("stock_left").asLong())
                .isEqualTo(5);

        var cancelled = f.runningSale(5, 1);
        ok(f.post("/api/v1/flash-sales/sessions/" + cancelled.session() + "/cancel", "{}"));
        assertThat(f.reserve(cancelled, "c-1", 1).code()).isEqualTo("ended");

        // the end passes while the sale is in memory: an operator's change of the row reaches memory
        var ending = f.runningSale(5, 1);
        assertThat(f.reserve(ending, "c-1", 1).status()).isEqualTo(201);
        f.jdbc.sql("update flashsale_session set ends_at = now() - interval '1 second', version = version + 1"
                        + " where id = ?")
                .param(ending.session())
                .update();
        catalog.refresh();
        assertThat(f.reserve(ending, "c-2", 1).code()).isEqualTo("ended");

        var bad = f.post(one.reservations(), "{\"quantity\": 1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("customer_id");
        assertThat(f.post(one.reservations(), "{\"customer_id\": \"c-9\", \"quantity\": 0}")
                        .status())
                .isEqualTo(400);
        assertThat(f.post(
                                "/api/v1/flash-sales/" + one.session() + "/items/999999/reservations",
                                "{\"customer_id\": \"c-9\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void tooManyAttemptsAreRateLimited() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 1);
        var before = rateLimits.settings();
        try {
            rateLimits.configure(new ReservationRateLimits.Settings(0.001, 2, 0, 0));
            assertThat(f.reserve(sale, "c-1", 1).status()).isEqualTo(201);
            assertThat(f.reserve(sale, "c-1", 1).code()).isEqualTo("limit_reached");
            var limited = f.reserve(sale, "c-1", 1);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(f.reserve(sale, "c-2", 1).status())
                    .as("another customer")
                    .isEqualTo(201);

            rateLimits.configure(new ReservationRateLimits.Settings(0, 0, 0.001, 1));
            assertThat(f.reserve(sale, "c-3", 1).status()).isEqualTo(201);
            assertThat(f.reserve(sale, "c-4", 1).status()).as("same address").isEqualTo(429);
        } finally {
            rateLimits.configure(before);
        }
        assertThat(f.count("select count(*) from flashsale_reservation where session_id = ?", sale.session()))
                .isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameReservation() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(10, 2);

        var first = f.reserve(sale, "c-1", 1, "Idempotency-Key", "k-1");
        var again = f.reserve(sale, "c-1", 1, "Idempotency-Key", "k-1");
        var other = f.reserve(sale, "c-1", 2, "Idempotency-Key", "k-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("reservation_id").asLong())
                .isEqualTo(first.json().get("reservation_id").asLong());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(f.count("select count(*) from flashsale_reservation where session_id = ?", sale.session()))
                .isEqualTo(1);

        // after a rebuild of memory the key is still known (it lives on the reservation row)
        context.getBean(SaleBook.class).evict(sale.session());
        var afterRebuild = f.reserve(sale, "c-1", 1, "Idempotency-Key", "k-1");
        assertThat(afterRebuild.json().get("reservation_id").asLong())
                .isEqualTo(first.json().get("reservation_id").asLong());
        assertThat(ok(f.get(sale.stock())).json().get("stock_left").asLong()).isEqualTo(9);
    }

    @Test
    void anUnpaidReservationExpiresAndItsStockReturns() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(1, 1);
        long id = f.reserve(sale, "c-1", 1).json().get("reservation_id").asLong();
        assertThat(f.reserve(sale, "c-2", 1).code()).isEqualTo("sold_out");

        f.jdbc.sql("update flashsale_reservation set expires_at = now() - interval '1 second' where id = ?")
                .param(id)
                .update();
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);

        var expired = ok(f.get(sale.reservations() + "/" + id)).json();
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("ended_reason").asString()).isEqualTo("payment_timeout");
        assertThat(ok(f.get(sale.stock())).json().get("stock_left").asLong()).isEqualTo(1);
        assertThat(f.reserve(sale, "c-1", 1).status())
                .as("the customer's allowance is back")
                .isEqualTo(201);
        assertThat(f.reserve(sale, "c-2", 1).code()).isEqualTo("sold_out");
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isEqualTo(1);
        assertThat(f.post(sale.reservations() + "/" + id + "/confirm", "{}").code())
                .isEqualTo("reservation_expired");
    }

    @Test
    void payingTheOrderConfirmsTheReservation() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(5, 1);
        String sku = f.get("/api/v1/flash-sales/sessions/" + sale.session())
                .json()
                .get("items")
                .get(0)
                .get("sku")
                .asString();
        var seed = CommerceSeed.of(context, f.tenant.id());
        seed.sku(seed.product("tea-" + sku, "Tea", null, null), sku, "Tea", 4900, null);
        var r = f.post(sale.reservations(), "{\"customer_id\": \"c-1\", \"order_id\": \"SO-" + sku + "\"}");
        long id = r.json().get("reservation_id").asLong();
        ok(f.post("/api/v1/orders", """
                {"order_id": "SO-%s", "customer_id": "c-1",
                 "lines": [{"line_id": "1", "sku": "%s", "quantity": 1, "unit_price": 990}]}""".formatted(sku, sku)));

        ok(f.post("/api/v1/orders/SO-" + sku + "/pay", "{}"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "CONFIRMED"
                        .equals(f.get(sale.reservations() + "/" + id)
                                .json()
                                .get("status")
                                .asString()));
        assertThat(f.count("select sold from flashsale_item where id = ?", sale.item()))
                .isEqualTo(1);
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isZero();
        assertThat(f.post(sale.reservations() + "/" + id + "/cancel", "{}").code())
                .isEqualTo("reservation_confirmed");
    }

    @Test
    void confirmAndCancelExplicitly() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(2, 1);
        long a = f.reserve(sale, "c-1", 1).json().get("reservation_id").asLong();
        long b = f.reserve(sale, "c-2", 1).json().get("reservation_id").asLong();

        var confirmed = ok(f.post(sale.reservations() + "/" + a + "/confirm", "{\"order_id\": \"SO-77\"}"))
                .json();
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("order_id").asString()).isEqualTo("SO-77");
        ok(f.post(sale.reservations() + "/" + a + "/confirm", "{}"));

        var cancelled =
                ok(f.post(sale.reservations() + "/" + b + "/cancel", "{}")).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        ok(f.post(sale.reservations() + "/" + b + "/cancel", "{}"));
        assertThat(f.post(sale.reservations() + "/" + b + "/confirm", "{}").code())
                .isEqualTo("reservation_cancelled");

        assertThat(ok(f.get(sale.stock())).json().get("stock_left").asLong()).isEqualTo(1);
        assertThat(f.reserve(sale, "c-2", 1).status()).isEqualTo(201);
        assertThat(f.reserve(sale, "c-3", 1).code()).isEqualTo("sold_out");
        assertThat(f.count("select sold from flashsale_item where id = ?", sale.item()))
                .isEqualTo(1);
        assertThat(f.count("select reserved from flashsale_item where id = ?", sale.item()))
                .isEqualTo(1);
    }

    @Test
    void theNodesFiguresReachTheMetricsRegistry() {
        var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(1, 1);
        double accepted =
                registry.get("magpie.flashsale.reservations").functionCounter().count();
        double soldOut = registry.get("magpie.flashsale.refusals")
                .tag("reason", "sold_out")
                .functionCounter()
                .count();

        assertThat(f.reserve(sale, "m-1", 1).status()).isEqualTo(201);
        assertThat(f.reserve(sale, "m-2", 1).code()).isEqualTo("sold_out");

        assertThat(registry.get("magpie.flashsale.reservations")
                        .functionCounter()
                        .count())
                .isEqualTo(accepted + 1);
        assertThat(registry.get("magpie.flashsale.refusals")
                        .tag("reason", "sold_out")
                        .functionCounter()
                        .count())
                .isEqualTo(soldOut + 1);
        assertThat(registry.get("magpie.flashsale.writer.queue").gauge().value())
                .isZero();
    }
}
