package io.magpie.tenant.api;

import io.magpie.platform.CursorPage;
import io.magpie.platform.Scopes;
import io.magpie.tenant.AuditEntry;
import io.magpie.tenant.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's audit log: who changed what, when, from what to what. */
@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "Audit log", description = "Admin changes made through the console or the API; needs the admin scope")
class AuditLogApi {

    private final AuditLog audit;

    AuditLogApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_ADMIN)
    @Operation(summary = "Audit entries, newest first, optionally of one action and/or target type")
    CursorPage<AuditEntry> list(
            @RequestParam(required = false) String action,
            @RequestParam(name = "target_type", required = false) String targetType,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return audit.entries(action, targetType, limit, cursor);
    }
}
