package io.magpie.commerce;

import io.magpie.commerce.ProductInput.SkuInput;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products (SPUs) with their SKUs, addressed by the merchant's product code. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductsApi {

    static final int MAX_BULK = 1000;

    private final ProductRules rules;
    private final ProductWriter writer;
    private final ProductCatalog catalog;
    private final TransactionTemplate tx;

    ProductsApi(ProductRules rules, ProductWriter writer, ProductCatalog catalog, TransactionTemplate tx) {
        this.rules = rules;
        this.writer = writer;
        this.catalog = catalog;
        this.tx = tx;
    }

    /** The body of a PUT: a product without its code, which the path gives. */
    record ProductBody(
            String name,
            String category,
            String brand,
            CatalogStatus status,
            Map<String, Object> attributes,
            List<SkuInput> skus) {}

    record BulkProducts(List<ProductInput> products) {}

    record BulkResult(long created, long updated) {}

    @PutMapping("/{code}")
    @PreAuthorize(Scopes.CAN_WRITE_CATALOG)
    @Operation(
            summary = "Create or replace a product with its SKUs",
            description = "1 to 100 SKUs; prices are minor units (0 to 10^10) of the tenant's currency. SKUs "
                    + "not listed become INACTIVE. 409 sku_taken when a SKU code belongs to another product; "
                    + "422 unknown_category / unknown_brand.")
    ResponseEntity<ProductView> put(@PathVariable String code, @RequestBody ProductBody body) {
        InputRules.pathCode("code", code);
        long tenantId = Tenancy.currentTenantId();
        ProductInput input = new ProductInput(
                code, body.name(), body.category(), body.brand(), body.status(), body.attributes(), body.skus());
        InputErrors errors = rules.check(tenantId, List.of(input), i -> "");
        if (!errors.isEmpty()) {
            throw singleProblem(errors);
        }
        Upserted<ProductView> saved = tx.execute(s -> {
            UpsertCounts counts = writer.upsert(tenantId, List.of(input), false, n -> {});
            return new Upserted<>(catalog.get(tenantId, code).orElseThrow(), counts.created() > 0);
        });
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.value());
    }

    @PostMapping("/bulk")
    @PreAuthorize(Scopes.CAN_WRITE_CATALOG)
    @Operation(
            summary = "Create or replace up to 1000 products at once",
            description = "Every product is checked first; if any is invalid the answer is 400 with every "
                    + "problem (fields like products[3].skus[0].price) and nothing is written. Otherwise all "
                    + "are written in one transaction.")
    BulkResult bulk(@RequestBody BulkProducts body) {
        long tenantId = Tenancy.currentTenantId();
        if (body.products() == null) {
            throw ProblemException.invalidField("products", "required", "products is required");
        }
        if (body.products().size() > MAX_BULK) {
            throw ProblemException.invalidField(
                    "products", "size", "at most " + MAX_BULK + " products per request; split the batch");
        }
        rules.check(tenantId, body.products(), i -> "products[" + i + "].").throwIfAny();
        UpsertCounts counts = writer.upsert(tenantId, body.products(), false, n -> {});
        return new BulkResult(counts.created(), counts.updated());
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(
            summary = "Products with their SKUs, newest first",
            description = "q matches code or name; category includes its subtree.")
    CursorPage<ProductView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String brand,
            @RequestParam(required = false) CatalogStatus status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        if (q != null && q.length() > InputRules.MAX_NAME) {
            throw ProblemException.invalidField("q", "invalid_value", "q is at most 200 characters");
        }
        return catalog.list(
                Tenancy.currentTenantId(),
                new ProductCatalog.Filter(q, category, brand, status),
                n,
                CursorPage.after(cursor));
    }

    @GetMapping("/{code}")
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "One product with its SKUs")
    ProductView get(@PathVariable String code) {
        return catalog.get(Tenancy.currentTenantId(), code)
                .orElseThrow(() -> ProblemException.notFound("product", code));
    }

    /** Shape problems are a 400; otherwise a taken SKU is a 409 and a missing reference a 422. */
    private static ProblemException singleProblem(InputErrors errors) {
        boolean onlyReferences = errors.list().stream()
                .allMatch(p -> List.of("sku_taken", "unknown_category", "unknown_brand")
                        .contains(p.code()));
        if (!onlyReferences) {
            return errors.problem(HttpStatus.BAD_REQUEST, "validation_failed");
        }
        if (errors.has("sku_taken")) {
            return errors.problem(HttpStatus.CONFLICT, "sku_taken");
        }
        return errors.problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                errors.has("unknown_category") ? "unknown_category" : "unknown_brand");
    }
}
