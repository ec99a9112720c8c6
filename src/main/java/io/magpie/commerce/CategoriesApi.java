package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Categories: a tree of at most four levels, addressed by the merchant's code. */
@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Catalog")
class CategoriesApi {

    private final CategoryTree tree;

    CategoriesApi(CategoryTree tree) {
        this.tree = tree;
    }

    /** {@code parent} is a category code (absent for a root); {@code position} orders siblings. */
    record CategoryBody(
            String name,
            String parent,
            @Min(0) @Max(1_000_000) Integer position) {}

    @PutMapping("/{code}")
    @PreAuthorize(Scopes.CAN_WRITE_CATALOG)
    @Operation(
            summary = "Create or replace a category",
            description = "Moving a category moves its subtree. 409 category_cycle when the new parent is the "
                    + "category itself or inside it; 422 category_too_deep past 4 levels.")
    ResponseEntity<CategoryView> put(@PathVariable String code, @Valid @RequestBody CategoryBody body) {
        InputRules.pathCode("code", code);
        InputErrors errors = new InputErrors();
        InputRules.requireName(errors, "name", body.name());
        InputRules.optionalCode(errors, "parent", body.parent());
        errors.throwIfAny();
        int position = body.position() == null ? 0 : body.position();
        var saved = tree.put(Tenancy.currentTenantId(), code, body.name().strip(), body.parent(), position);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.value());
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "All categories, parents before children, with parent code and depth")
    List<CategoryView> list() {
        return tree.all(Tenancy.currentTenantId());
    }

    @GetMapping("/{code}")
    @PreAuthorize(Scopes.CAN_READ_CATALOG)
    @Operation(summary = "One category")
    CategoryView get(@PathVariable String code) {
        return tree.get(Tenancy.currentTenantId(), code).orElseThrow(() -> ProblemException.notFound("category", code));
    }
}
