package io.magpie.promotion.web;

import io.magpie.platform.Tenancy;
import io.magpie.promotion.CouponCodeBatchView;
import io.magpie.promotion.CouponTemplates;
import io.magpie.tenant.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * Code batches in the console: the list, and one batch whose generation progress bar htmx refreshes every
 * second until the job has finished; then the CSV download link appears.
 */
@Controller
class CodeBatchPages {

    private final CouponTemplates templates;
    private final Tenants tenants;

    CodeBatchPages(CouponTemplates templates, Tenants tenants) {
        this.templates = templates;
        this.tenants = tenants;
    }

    @GetMapping("/code-batches")
    String list(Model model) {
        long tenantId = Tenancy.currentTenantId();
        model.addAttribute("batches", templates.batches(tenantId, null, 100, Long.MAX_VALUE));
        model.addAttribute("zone", tenants.get(tenantId).timeZone());
        return "promotion/code-batches";
    }

    @GetMapping("/code-batches/{id}")
    String batch(
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        long tenantId = Tenancy.currentTenantId();
        CouponCodeBatchView batch = find(tenantId, id);
        model.addAttribute("batch", batch);
        model.addAttribute("zone", tenants.get(tenantId).timeZone());
        response.addHeader("Vary", "HX-Request");
        if ("true".equals(htmx)) {
            return "promotion/code-batches-job :: job";
        }
        model.addAttribute(
                "template",
                batch.templateId() == null
                        ? null
                        : templates
                                .find(tenantId, batch.templateId(), LocaleContextHolder.getLocale())
                                .orElse(null));
        return "promotion/code-batches-detail";
    }

    @GetMapping("/code-batches/{id}/codes.csv")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        long tenantId = Tenancy.currentTenantId();
        CouponCodeBatchView batch = find(tenantId, id);
        if (!batch.status().equals("READY")) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"codes-" + id + ".csv\"");
        Writer out = response.getWriter();
        templates.exportBatch(tenantId, id, out);
        out.flush();
    }

    private CouponCodeBatchView find(long tenantId, long id) {
        return templates.batch(tenantId, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
