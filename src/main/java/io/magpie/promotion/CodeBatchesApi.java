package io.magpie.promotion;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CouponTemplates.BatchImported;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Code batches of coupon templates: generate from a pattern, import external codes, watch, export. */
@RestController
@Tag(name = "Coupon codes", description = "Code batches linked to coupon templates")
class CodeBatchesApi {

    private final CouponTemplates templates;

    CodeBatchesApi(CouponTemplates templates) {
        this.templates = templates;
    }

    record GenerateBody(String name, String pattern, Integer count) {}

    record Started(long batchId, long jobId, String statusUrl) {}

    @PostMapping("/api/v1/coupon-templates/{id}/code-batches")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Generate a batch of unique codes for a coupon template in the background",
            description = "pattern: # a digit 2-9, ? a letter without I/L/O, * either; letters, digits, '-' and '_' "
                    + "stand for themselves; a check character is appended. count 1..5,000,000; the pattern must "
                    + "allow 100 × the codes issued with it. 202 with the batch; poll it for the job's progress.")
    ResponseEntity<Started> generate(@PathVariable long id, @RequestBody GenerateBody body) {
        Actor actor = Tenancy.currentActor();
        var started = templates.generateBatch(
                actor.tenantId(), id, body.name(), body.pattern(), body.count(), actor.actorName());
        String url = "/api/v1/code-batches/" + started.batchId();
        return ResponseEntity.accepted()
                .location(URI.create(url))
                .body(new Started(started.batchId(), started.jobId(), url));
    }

    @PostMapping("/api/v1/coupon-templates/{id}/code-batches/import")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Import external codes (CSV, first column, optional header 'code') into a new batch",
            description = "multipart fields 'file' and 'name'. Codes: 3-64 of letters, digits, '-' and '_', stored "
                    + "upper-case. All or nothing: any invalid, duplicate or existing code → 422 with the rows.")
    ResponseEntity<BatchImported> importCodes(
            @PathVariable long id,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "required", "send the CSV as multipart field 'file'");
        }
        Actor actor = Tenancy.currentActor();
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            BatchImported imported = templates.importBatch(actor.tenantId(), id, name, reader, actor.actorName());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/code-batches/" + imported.batchId()))
                    .body(imported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/code-batches")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "Code batches, newest first, optionally of one template")
    CursorPage<CouponCodeBatchView> list(
            @RequestParam(name = "template_id", required = false) Long templateId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        return CursorPage.of(
                templates.batches(Tenancy.currentTenantId(), templateId, n + 1, CursorPage.after(cursor)),
                n,
                CouponCodeBatchView::id);
    }

    @GetMapping("/api/v1/code-batches/{id}")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "One code batch with its code counts and the generation job's progress")
    CouponCodeBatchView get(@PathVariable long id) {
        return templates
                .batch(Tenancy.currentTenantId(), id)
                .orElseThrow(() -> ProblemException.notFound("code batch", id));
    }

    @GetMapping("/api/v1/code-batches/{id}/codes.csv")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(
            summary = "The batch's codes as CSV, streamed",
            description = "Columns code, state, customer_id, issued_at, redeemed_at. 409 batch_not_ready while the "
                    + "batch is still generating.")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        long tenantId = Tenancy.currentTenantId();
        CouponCodeBatchView batch =
                templates.batch(tenantId, id).orElseThrow(() -> ProblemException.notFound("code batch", id));
        if (!batch.status().equals("READY")) {
            throw ProblemException.conflict(
                    "batch_not_ready", "the batch is " + batch.status().toLowerCase(java.util.Locale.ROOT));
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"codes-" + id + ".csv\"");
        Writer out = response.getWriter();
        templates.exportBatch(tenantId, id, out);
        out.flush();
    }
}
