package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** SKU lookup by the merchant's SKU code. */
@RestController
@Tag(name = "Catalog")
class SkusApi {

    private final ProductCatalog catalog;

    SkusApi(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/skus/{sku}")
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "One SKU with its product")
    SkuDetailView get(@PathVariable String sku) {
        return catalog.sku(Tenancy.currentTenantId(), sku).orElseThrow(() -> ProblemException.notFound("sku", sku));
    }
}
