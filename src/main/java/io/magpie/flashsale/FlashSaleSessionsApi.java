package io.magpie.flashsale;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's flash sale API: sessions, items, publishing, reservations made. */
@RestController
@RequestMapping("/api/v1/flash-sales/sessions")
@Tag(name = "Flash sale sessions", description = "Operator: sessions and items, publish and cancel, reservations")
class FlashSaleSessionsApi {

    private final FlashSaleSessions sessions;

    FlashSaleSessionsApi(FlashSaleSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Create a draft session")
    ResponseEntity<SessionView> create(@RequestBody SessionCommand body) {
        SessionView view = sessions.create(Tenancy.currentTenantId(), body);
        return ResponseEntity.created(URI.create("/api/v1/flash-sales/sessions/" + view.id()))
                .body(view);
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "Sessions, newest first (without items)")
    CursorPage<SessionView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return sessions.list(Tenancy.currentTenantId(), parse(SessionStatus.class, "status", status), limit, cursor);
    }

    @GetMapping("/{session}")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "One session with its items and their stock accounting")
    SessionView get(@PathVariable long session) {
        return sessions.get(Tenancy.currentTenantId(), session);
    }

    @PutMapping("/{session}")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Change a session until it starts")
    SessionView update(@PathVariable long session, @RequestBody SessionCommand body) {
        return sessions.update(Tenancy.currentTenantId(), session, body);
    }

    @PostMapping("/{session}/publish")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Publish a draft session: visible from its preheat, on sale in its window")
    SessionView publish(@PathVariable long session) {
        return sessions.publish(Tenancy.currentTenantId(), session);
    }

    @PostMapping("/{session}/cancel")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Cancel a session: nothing more can be reserved")
    SessionView cancel(@PathVariable long session) {
        return sessions.cancel(Tenancy.currentTenantId(), session);
    }

    @PostMapping("/{session}/items")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Add an item until the session starts")
    ResponseEntity<ItemView> addItem(@PathVariable long session, @RequestBody ItemCommand body) {
        ItemView view = sessions.addItem(Tenancy.currentTenantId(), session, body);
        return ResponseEntity.created(URI.create("/api/v1/flash-sales/sessions/" + session + "/items/" + view.id()))
                .body(view);
    }

    @PutMapping("/{session}/items/{item}")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(summary = "Change an item until the session starts")
    ItemView updateItem(@PathVariable long session, @PathVariable long item, @RequestBody ItemCommand body) {
        return sessions.updateItem(Tenancy.currentTenantId(), session, item, body);
    }

    @GetMapping("/{session}/reservations")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "Reservations of a session, newest first")
    CursorPage<ReservationView> reservations(
            @PathVariable long session,
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return sessions.reservations(
                Tenancy.currentTenantId(),
                session,
                parse(ReservationStatus.class, "status", status),
                customerId,
                limit,
                cursor);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    field, "invalid_value", "allowed: " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
