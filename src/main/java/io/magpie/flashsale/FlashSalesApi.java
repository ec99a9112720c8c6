package io.magpie.flashsale;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's flash sale calls: what is on sale, live stock, reserve, confirm, cancel. */
@RestController
@RequestMapping("/api/v1/flash-sales")
@Tag(name = "Flash sales", description = "Storefront: sessions on sale, live stock, reservations")
class FlashSalesApi {

    private final LiveCatalog catalog;
    private final SaleBook book;
    private final FlashSaleReservations reservations;
    private final Clock clock;

    FlashSalesApi(LiveCatalog catalog, SaleBook book, FlashSaleReservations reservations, Clock clock) {
        this.catalog = catalog;
        this.book = book;
        this.reservations = reservations;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Current or upcoming sessions with their items, flash prices and stock left",
            description = "status=current (default): running now; upcoming: visible (preheat) but not started."
                    + " Served from memory, at most about a second old.")
    List<StorefrontSession> list(@RequestParam(required = false) String status) {
        boolean current = status == null || status.equals("current");
        if (!current && !"upcoming".equals(status)) {
            throw ProblemException.invalidField("status", "invalid_value", "allowed: current, upcoming");
        }
        return catalog.list(Tenancy.currentTenantId(), current);
    }

    @GetMapping("/{session}/items/{item}/stock")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(summary = "Live stock left of an item (from memory, at most about a second old)")
    StockView stock(@PathVariable long session, @PathVariable long item) {
        SessionLedger ledger = book.get(Tenancy.currentTenantId(), session);
        if (!ledger.items.containsKey(item)) {
            throw ProblemException.notFound("flash sale item", item);
        }
        long left = catalog.stockLeft(ledger, item);
        return new StockView(session, item, catalog.stock(session, item), left, left == 0, clock.instant());
    }

    @PostMapping("/{session}/items/{item}/reservations")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Reserve units of a flash sale item",
            description = "201 once the reservation is durable; 409 sold_out, limit_reached, not_started or ended;"
                    + " 429 rate_limited. Replaying the same Idempotency-Key returns the same reservation;"
                    + " with a different request, 422 idempotency_key_reused.")
    ResponseEntity<ReservationView> reserve(
            @PathVariable long session,
            @PathVariable long item,
            @RequestBody ReserveCommand body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            HttpServletRequest request) {
        var r = reservations.reserve(Tenancy.currentTenantId(), session, item, body, key, request.getRemoteAddr());
        var response = ResponseEntity.created(URI.create("/api/v1/flash-sales/" + session + "/items/" + item
                + "/reservations/" + r.view().reservationId()));
        if (r.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(r.view());
    }

    @PostMapping("/{session}/purchase-tokens")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "A purchase token for a customer, issued only once the session has started",
            description = "Pass it as purchase_token when reserving; sessions with purchase_token_required refuse"
                    + " reservations without a valid one (403 purchase_token_required / purchase_token_invalid)."
                    + " 409 not_started before the start, ended after the end; 429 rate_limited.")
    ResponseEntity<PurchaseTokenView> purchaseToken(
            @PathVariable long session, @RequestBody PurchaseTokenCommand body, HttpServletRequest request) {
        var token = reservations.purchaseToken(Tenancy.currentTenantId(), session, body, request.getRemoteAddr());
        return ResponseEntity.status(201).body(token);
    }

    @GetMapping("/{session}/items/{item}/reservations/{reservation}")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(summary = "One reservation")
    ReservationView get(@PathVariable long session, @PathVariable long item, @PathVariable long reservation) {
        return reservations.get(Tenancy.currentTenantId(), session, item, reservation);
    }

    @PostMapping("/{session}/items/{item}/reservations/{reservation}/confirm")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Confirm a reservation (it was paid); repeating it changes nothing",
            description = "Reservations made with an order_id are confirmed by that order's payment by themselves.")
    ReservationView confirm(
            @PathVariable long session,
            @PathVariable long item,
            @PathVariable long reservation,
            @RequestBody(required = false) ConfirmCommand body) {
        return reservations.confirm(Tenancy.currentTenantId(), session, item, reservation, body);
    }

    @PostMapping("/{session}/items/{item}/reservations/{reservation}/cancel")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(summary = "Cancel an unpaid reservation; its stock returns to sale. Repeating it changes nothing")
    ReservationView cancel(@PathVariable long session, @PathVariable long item, @PathVariable long reservation) {
        return reservations.cancel(Tenancy.currentTenantId(), session, item, reservation);
    }
}
