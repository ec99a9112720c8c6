package io.magpie.commerce;

import io.magpie.platform.Actor;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV imports as background jobs; progress and the error report come from {@code /api/v1/jobs/{id}}. */
@RestController
@Tag(name = "Imports")
class ImportsApi {

    /** The scope each kind of import needs: the same as writing that data through the API. */
    static final Map<String, String> SCOPES =
            Map.of("products", Scopes.CATALOG, "customers", Scopes.CUSTOMERS, "orders", Scopes.ORDERS);

    private final CommerceImports imports;

    ImportsApi(CommerceImports imports) {
        this.imports = imports;
    }

    record Started(long jobId, String statusUrl) {}

    @PostMapping("/api/v1/imports/{kind}")
    @PreAuthorize("hasAnyAuthority('SCOPE_catalog','SCOPE_customers','SCOPE_orders')")
    @Operation(
            summary = "Import a CSV file in the background",
            description = "multipart field 'file'; UTF-8; at most 50 MB and 500,000 rows. Answers 202 with the "
                    + "job to poll. All or nothing: any bad row fails the job with a report of every bad row.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "multipart/form-data",
                                            schema = @Schema(type = "object", requiredProperties = "file"),
                                            schemaProperties =
                                                    @SchemaProperty(
                                                            name = "file",
                                                            schema = @Schema(type = "string", format = "binary")))))
    ResponseEntity<Started> start(
            @PathVariable String kind, @RequestParam(name = "file", required = false) MultipartFile file) {
        if (!imports.kinds().contains(kind)) {
            throw imports.unknownKind(kind);
        }
        String scope = SCOPES.getOrDefault(kind, Scopes.ADMIN);
        boolean allowed = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("SCOPE_" + scope)::equals);
        if (!allowed) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "insufficient_scope",
                    "importing " + kind + " needs the '" + scope + "' scope");
        }
        if (file == null) {
            throw ProblemException.invalidField("file", "required", "send the CSV as multipart field 'file'");
        }
        Actor actor = Tenancy.currentActor();
        long id = imports.start(actor.tenantId(), kind, actor.actorName(), bytes(file));
        String statusUrl = "/api/v1/jobs/" + id;
        return ResponseEntity.accepted().location(URI.create(statusUrl)).body(new Started(id, statusUrl));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
