package io.magpie.commerce;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stores, addressed by the merchant's store code. */
@RestController
@RequestMapping("/api/v1/stores")
@Tag(name = "Catalog")
class StoresApi {

    private final StoreDirectory stores;

    StoresApi(StoreDirectory stores) {
        this.stores = stores;
    }

    record StoreBody(
            String name, Double latitude, Double longitude, String timeZone, String address, CatalogStatus status) {}

    @PutMapping("/{code}")
    @PreAuthorize(Scopes.CAN_WRITE_CATALOG)
    @Operation(
            summary = "Create or replace a store",
            description = "time_zone is an IANA id such as Asia/Shanghai; latitude and longitude go together.")
    ResponseEntity<StoreView> put(@PathVariable String code, @RequestBody StoreBody body) {
        InputRules.pathCode("code", code);
        InputErrors errors = new InputErrors();
        InputRules.requireName(errors, "name", body.name());
        InputRules.optionalText(errors, "address", body.address(), InputRules.MAX_TEXT, true);
        if (body.latitude() != null && Math.abs(body.latitude()) > 90) {
            errors.add("latitude", "out_of_range", "latitude must be between -90 and 90");
        }
        if (body.longitude() != null && Math.abs(body.longitude()) > 180) {
            errors.add("longitude", "out_of_range", "longitude must be between -180 and 180");
        }
        if ((body.latitude() == null) != (body.longitude() == null)) {
            errors.add(
                    body.latitude() == null ? "latitude" : "longitude",
                    "required",
                    "latitude and longitude are given together or not at all");
        }
        if (body.timeZone() == null || body.timeZone().isBlank()) {
            errors.add("time_zone", "required", "time_zone is required, e.g. Asia/Shanghai");
        } else if (!ZoneId.getAvailableZoneIds().contains(body.timeZone())) {
            errors.add("time_zone", "invalid_value", "'" + body.timeZone() + "' is not an IANA time zone id");
        }
        errors.throwIfAny();
        var input = new StoreDirectory.StoreInput(
                body.name().strip(),
                body.latitude(),
                body.longitude(),
                body.timeZone(),
                body.address(),
                body.status() == null ? CatalogStatus.ACTIVE : body.status());
        var saved = stores.put(Tenancy.currentTenantId(), code, input);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.value());
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "Stores, newest first")
    CursorPage<StoreView> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        return stores.list(Tenancy.currentTenantId(), n, CursorPage.after(cursor));
    }

    @GetMapping("/{code}")
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "One store")
    StoreView get(@PathVariable String code) {
        return stores.get(Tenancy.currentTenantId(), code).orElseThrow(() -> ProblemException.notFound("store", code));
    }
}
