package io.magpie.commerce;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Brands, addressed by the merchant's code. */
@RestController
@RequestMapping("/api/v1/brands")
@Tag(name = "Catalog")
class BrandsApi {

    private final BrandCatalog brands;

    BrandsApi(BrandCatalog brands) {
        this.brands = brands;
    }

    record BrandBody(String name) {}

    @PutMapping("/{code}")
    @PreAuthorize(Scopes.CAN_WRITE_CATALOG)
    @Operation(summary = "Create or replace a brand")
    ResponseEntity<BrandView> put(@PathVariable String code, @RequestBody BrandBody body) {
        InputRules.pathCode("code", code);
        InputErrors errors = new InputErrors();
        InputRules.requireName(errors, "name", body.name());
        errors.throwIfAny();
        var saved = brands.put(Tenancy.currentTenantId(), code, body.name().strip());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.value());
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "Brands, newest first")
    CursorPage<BrandView> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        return brands.list(Tenancy.currentTenantId(), n, CursorPage.after(cursor));
    }

    @GetMapping("/{code}")
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "One brand")
    BrandView get(@PathVariable String code) {
        return brands.get(Tenancy.currentTenantId(), code).orElseThrow(() -> ProblemException.notFound("brand", code));
    }
}
