package io.magpie.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The benchmark's naive peer (only with magpie.flashsale.naive-endpoint=true), over real HTTP. */
@MagpieIntegrationTest
@TestPropertySource(properties = "magpie.flashsale.naive-endpoint=true")
class NaiveReservationsBenchmarkEndpointTests {

    @Autowired
    ApplicationContext context;

    @Test
    void sellsExactlyTheStockOfTheHotRowThenAnswersSoldOut() {
        var f = FlashSaleFixture.create(context);
        long item = f.jdbc.sql("insert into flashsale_naive_item (tenant_id, stock_left) values (?, 3) returning id")
                .params(f.tenant.id())
                .query(Long.class)
                .single();
        String path = NaiveReservationsBenchmarkEndpoint.PATH + "/" + item + "/reservations";

        var first = f.post(path, "{\"customer_id\": \"c-1\", \"quantity\": 2}", "Idempotency-Key", "k-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long id = first.json().get("reservation_id").asLong();
        assertThat(first.json().get("customer_id").asString()).isEqualTo("c-1");
        var replay = f.post(path, "{\"customer_id\": \"c-1\", \"quantity\": 2}", "Idempotency-Key", "k-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        assertThat(replay.json().get("reservation_id").asLong()).isEqualTo(id);

        var tooMany = f.post(path, "{\"customer_id\": \"c-2\", \"quantity\": 2}", "Idempotency-Key", "k-2");
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("sold_out");
        var last = f.post(path, "{\"customer_id\": \"c-2\"}", "Idempotency-Key", "k-3");
        assertThat(last.status()).as(last.toString()).isEqualTo(201);

        assertThat(f.count("select stock_left from flashsale_naive_item where id = ?", item))
                .isZero();
        assertThat(f.count("select sum(quantity) from flashsale_naive_reservation where item_id = ?", item))
                .isEqualTo(3);
        assertThat(f.post(NaiveReservationsBenchmarkEndpoint.PATH + "/999999/reservations", "{\"customer_id\": \"c\"}")
                        .status())
                .isEqualTo(404);
        assertThat(f.post(path, "{}").status()).isEqualTo(400);
        // the same checks as the real endpoint: a key PostgreSQL's index cannot hold is a 400, not a 500
        var longKey = f.post(path, "{\"customer_id\": \"c-3\"}", "Idempotency-Key", "k".repeat(3000));
        assertThat(longKey.status()).as(longKey.toString()).isEqualTo(400);
        assertThat(longKey.code()).isEqualTo("invalid_idempotency_key");
        assertThat(f.post(path, "{\"customer_id\": \"c 3\"}").code()).isEqualTo("validation_failed");
    }
}
