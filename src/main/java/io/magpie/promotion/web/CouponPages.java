package io.magpie.promotion.web;

import io.magpie.platform.Actor;
import io.magpie.platform.ConsoleMenuItem;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CouponIssuance;
import io.magpie.promotion.CouponIssuance.IssueOutcome;
import io.magpie.promotion.CouponState;
import io.magpie.promotion.CouponTemplateView;
import io.magpie.promotion.CouponTemplates;
import io.magpie.promotion.CouponView;
import io.magpie.tenant.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coupon templates in the console: the list with issued/total and redeemed counts, and a template's page with
 * bulk issue (ids in a textarea → a results table), code batch generation and import, its batches and its
 * coupons filtered by state (an htmx fragment).
 */
@Controller
class CouponPages {

    private final CouponTemplates templates;
    private final Tenants tenants;

    CouponPages(CouponTemplates templates, Tenants tenants) {
        this.templates = templates;
        this.tenants = tenants;
    }

    @GetMapping("/coupons")
    String list(Model model) {
        model.addAttribute("templates", templates.list(Tenancy.currentTenantId(), locale()));
        return "promotion/coupons";
    }

    @GetMapping("/coupons/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        long tenantId = Tenancy.currentTenantId();
        CouponTemplateView template = template(tenantId, id);
        CouponState filter = Arrays.stream(CouponState.values())
                .filter(s -> s.name().equals(state))
                .findFirst()
                .orElse(null);
        CursorPage<CouponView> page;
        try {
            page = templates.coupons(tenantId, id, filter, 50, cursor, locale());
        } catch (ProblemException e) {
            page = templates.coupons(tenantId, id, filter, 50, null, locale());
        }
        model.addAttribute("template", template);
        model.addAttribute("page", page);
        model.addAttribute("state", filter == null ? "" : filter.name());
        model.addAttribute("states", CouponState.values());
        model.addAttribute("zone", tenants.get(tenantId).timeZone());
        model.addAttribute(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : "/coupons/" + id + "?state=" + (filter == null ? "" : filter.name()) + "&cursor="
                                + page.nextCursor());
        response.addHeader("Vary", "HX-Request");
        if ("true".equals(htmx)) {
            return "promotion/coupons-detail :: coupons";
        }
        model.addAttribute("batches", templates.batches(tenantId, id, 20, Long.MAX_VALUE));
        model.addAttribute("maxBulk", CouponIssuance.MAX_BULK);
        return "promotion/coupons-detail";
    }

    /** Bulk issue from the textarea: ids separated by new lines, commas or spaces; answers the results fragment. */
    @PostMapping("/coupons/{id}/issue")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String issue(@PathVariable long id, @RequestParam(required = false) String customerIds, Model model) {
        long tenantId = Tenancy.currentTenantId();
        template(tenantId, id);
        List<String> ids = customerIds == null
                ? List.of()
                : Arrays.stream(customerIds.split("[\\s,;]+"))
                        .filter(s -> !s.isEmpty())
                        .toList();
        try {
            List<IssueOutcome> results = templates.issue(tenantId, id, ids);
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (CouponIssuance.Result r : CouponIssuance.Result.values()) {
                counts.put(r.name(), 0);
            }
            results.forEach(r -> counts.merge(r.result().name(), 1, Integer::sum));
            model.addAttribute("results", results);
            model.addAttribute("counts", counts);
        } catch (ProblemException e) {
            model.addAttribute("issueError", e.code());
            model.addAttribute("issueDetail", e.getMessage());
        }
        return "promotion/coupons-issue :: results";
    }

    @PostMapping("/coupons/{id}/code-batches")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String generate(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String pattern,
            @RequestParam(required = false) Integer count,
            RedirectAttributes redirect) {
        Actor actor = Tenancy.currentActor();
        template(actor.tenantId(), id);
        try {
            var started = templates.generateBatch(actor.tenantId(), id, name, pattern, count, actor.actorName());
            return "redirect:/code-batches/" + started.batchId();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("batchError", e.getMessage());
            redirect.addFlashAttribute("batchName", name);
            redirect.addFlashAttribute("batchPattern", pattern);
            redirect.addFlashAttribute("batchCount", count);
            return "redirect:/coupons/" + id + "#codes";
        }
    }

    @PostMapping("/coupons/{id}/code-batches/import")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String importCodes(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        Actor actor = Tenancy.currentActor();
        template(actor.tenantId(), id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importError", "coupons.import.noFile");
            return "redirect:/coupons/" + id + "#codes";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            var imported = templates.importBatch(actor.tenantId(), id, name, reader, actor.actorName());
            return "redirect:/code-batches/" + imported.batchId();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("importDetail", e.getMessage());
            redirect.addFlashAttribute(
                    "importProblems",
                    e.fieldProblems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .limit(20)
                            .toList());
            return "redirect:/coupons/" + id + "#codes";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CouponTemplateView template(long tenantId, long id) {
        return templates
                .find(tenantId, id, locale())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem couponsMenu() {
            return ConsoleMenuItem.of("nav.group.promotions", 60, "/coupons", "nav.coupons", "ticket");
        }

        @Bean
        ConsoleMenuItem codeBatchesMenu() {
            return ConsoleMenuItem.of("nav.group.promotions", 65, "/code-batches", "nav.codeBatches", "tag");
        }
    }
}
