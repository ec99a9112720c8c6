package io.magpie.tenant.api;

import io.magpie.platform.CursorPage;
import io.magpie.platform.Scopes;
import io.magpie.tenant.ApiKeyAdministration;
import io.magpie.tenant.ApiKeyView;
import io.magpie.tenant.CreatedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the caller's tenant. Secrets are returned once, at creation, and never again. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Create, list and revoke API keys; needs the admin scope")
class ApiKeysApi {

    private final ApiKeyAdministration keys;

    ApiKeysApi(ApiKeyAdministration keys) {
        this.keys = keys;
    }

    record CreateApiKeyRequest(
            @NotNull @Size(min = 1, max = 100) String name,
            @NotEmpty List<String> scopes) {}

    /** The one response that carries the secret. */
    record NewApiKey(
            long id,
            String name,
            String key,
            String prefix,
            List<String> scopes,
            boolean active,
            String createdBy,
            Instant createdAt) {

        static NewApiKey of(CreatedApiKey created) {
            ApiKeyView v = created.view();
            return new NewApiKey(
                    v.id(), v.name(), created.key(), v.prefix(), v.scopes(), v.active(), v.createdBy(), v.createdAt());
        }
    }

    @PostMapping
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(
            summary = "Create an API key",
            description =
                    "Scopes are a non-empty subset of admin, catalog, customers, orders, promotions, evaluate, read. The `key` "
                            + "field of the response is the secret: store it now, it is never shown again.")
    ResponseEntity<NewApiKey> create(@Valid @RequestBody CreateApiKeyRequest request) {
        CreatedApiKey created = keys.create(request.name(), request.scopes());
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + created.view().id()))
                .body(NewApiKey.of(created));
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "API keys, newest first (never secrets or hashes)")
    CursorPage<ApiKeyView> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return keys.list(limit, cursor);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "One API key")
    ApiKeyView get(@PathVariable long id) {
        return keys.get(id);
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(
            summary = "Revoke an API key",
            description = "Takes effect at once on the node that handles the call and within seconds on the others. "
                    + "Idempotent: revoking a revoked key answers 200 and changes nothing. A key may revoke "
                    + "itself (to retire a leaked key); its next request is refused with 401.")
    ApiKeyView revoke(@PathVariable long id) {
        return keys.revoke(id);
    }
}
