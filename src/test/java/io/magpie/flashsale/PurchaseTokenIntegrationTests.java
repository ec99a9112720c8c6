package io.magpie.flashsale;

import static io.magpie.flashsale.FlashSaleFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Purchase tokens: only issued once the session runs, bound to session and customer, required when set. */
@MagpieIntegrationTest
class PurchaseTokenIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    SaleBook book;

    @Test
    void aTokenIsIssuedOnlyOnceTheSessionRunsAndIsRequiredForEveryReservation() {
        var f = FlashSaleFixture.create(context);
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        var created = ok(f.post("/api/v1/flash-sales/sessions", """
                {"name": "Token sale", "starts_at": "%s", "ends_at": "%s", "purchase_token_required": true}""".formatted(start, start.plus(Duration.ofHours(1)))));
        assertThat(created.json().get("purchase_token_required").asBoolean()).isTrue();
        long session = created.json().get("id").asLong();
        long item = f.addItem(session, "sku-token", 5, 2);
        ok(f.post("/api/v1/flash-sales/sessions/" + session + "/publish", "{}"));
        var sale = new FlashSaleFixture.Sale(session, item);
        String tokens = "/api/v1/flash-sales/" + session + "/purchase-tokens";

        // before the start: no token, so nothing to pre-fire with
        var early = f.post(tokens, "{\"customer_id\": \"c-1\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("not_started");

        startNow(f, session);

        var issued = f.post(tokens, "{\"customer_id\": \"c-1\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        assertThat(issued.json().get("required").asBoolean()).isTrue();
        assertThat(Instant.parse(issued.json().get("expires_at").asString())).isAfter(Instant.now());

        var without = f.reserve(sale, "c-1", 1);
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("purchase_token_required");
        assertThat(without.contentType()).contains("application/problem+json");

        var othersToken = reserve(f, sale, "c-2", token);
        assertThat(othersToken.status()).isEqualTo(403);
        assertThat(othersToken.code()).isEqualTo("purchase_token_invalid");

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(reserve(f, sale, "c-1", tampered).code()).isEqualTo("purchase_token_invalid");
        String longer = token.replaceFirst("^v1\\.(\\d+)\\.", "v1.9$1.");
        assertThat(reserve(f, sale, "c-1", longer).code()).isEqualTo("purchase_token_invalid");
        assertThat(reserve(f, sale, "c-1", "garbage").code()).isEqualTo("purchase_token_invalid");

        var accepted = reserve(f, sale, "c-1", token);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(f.count("select reserved from flashsale_item where id = ?", item))
                .as("only the reservation with a valid token took stock")
                .isEqualTo(1);

        // another node (here: the session rebuilt from the database) accepts the same token
        book.evict(session);
        assertThat(reserve(f, sale, "c-1", token).status()).isEqualTo(201);

        // a token from another session does not open this one
        var other = f.runningSale(5, 1);
        String otherToken = ok(f.post(
                        "/api/v1/flash-sales/" + other.session() + "/purchase-tokens", "{\"customer_id\": \"c-3\"}"))
                .json()
                .get("token")
                .asString();
        assertThat(reserve(f, sale, "c-3", otherToken).code()).isEqualTo("purchase_token_invalid");
        // ... and a session without the setting takes reservations with or without one
        assertThat(f.reserve(other, "c-3", 1).status()).isEqualTo(201);
    }

    @Test
    void badTokenRequestsAreProblems() {
        var f = FlashSaleFixture.create(context);
        var sale = f.runningSale(5, 1);
        String tokens = "/api/v1/flash-sales/" + sale.session() + "/purchase-tokens";
        var missing = f.post(tokens, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("code").asString()).isEqualTo("required");
        var malformed = f.post(tokens, "{\"customer_id\": \"a b\"}");
        assertThat(malformed.code()).isEqualTo("validation_failed");
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("customer_id");
        assertThat(f.post(tokens, "{\"customer_id\": \"c-1\", \"client_ip\": \"<script>\"}")
                        .status())
                .isEqualTo(400);
        assertThat(f.post("/api/v1/flash-sales/999999999/purchase-tokens", "{\"customer_id\": \"c-1\"}")
                        .status())
                .isEqualTo(404);
    }

    private static io.magpie.platform.Api.Response reserve(
            FlashSaleFixture f, FlashSaleFixture.Sale sale, String customer, String token) {
        return f.post(
                sale.reservations(),
                "{\"customer_id\": \"%s\", \"purchase_token\": \"%s\"}".formatted(customer, token));
    }

    /** Moves the session's start to now (it cannot be edited once started) and has memory rebuilt. */
    private void startNow(FlashSaleFixture f, long session) {
        f.jdbc.sql("update flashsale_session set starts_at = now() - interval '1 second' where id = ?")
                .param(session)
                .update();
        book.evict(session);
    }
}
