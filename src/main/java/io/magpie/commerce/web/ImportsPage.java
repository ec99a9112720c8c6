package io.magpie.commerce.web;

import io.magpie.commerce.CommerceImports;
import io.magpie.platform.Actor;
import io.magpie.platform.ConsoleMenuItem;
import io.magpie.platform.Job;
import io.magpie.platform.Jobs;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.tenant.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The imports page: upload a CSV file, watch its job's progress bar (htmx polls the job panel every
 * second until the job has finished), read or download the report of bad rows.
 */
@Controller
class ImportsPage {

    static final int RECENT = 20;
    static final int SHOWN_ERRORS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CommerceImports imports;
    private final Jobs jobs;
    private final Tenants tenants;

    ImportsPage(CommerceImports imports, Jobs jobs, Tenants tenants) {
        this.imports = imports;
        this.jobs = jobs;
        this.tenants = tenants;
    }

    /** A job as the page shows it: times in the tenant's zone, the import kind without its prefix. */
    record JobRow(Job job, String kind, String createdAt, String finishedAt) {}

    @GetMapping("/imports")
    String page(Model model) {
        return page(model, null);
    }

    @GetMapping("/imports/jobs/{id}")
    String job(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        JobRow job = row(find(id), zone());
        if (htmx != null) {
            model.addAttribute("job", job);
            model.addAttribute("shownErrors", SHOWN_ERRORS);
            model.addAttribute("polled", true);
            return "commerce/imports-job :: job";
        }
        return page(model, job);
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String upload(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "imports.error.noFile");
            return "redirect:/imports";
        }
        Actor actor = Tenancy.currentActor();
        try {
            long id = imports.start(actor.tenantId(), kind == null ? "" : kind, actor.actorName(), file.getBytes());
            return "redirect:/imports/jobs/" + id;
        } catch (ProblemException e) {
            redirect.addFlashAttribute(
                    "uploadError",
                    switch (e.code()) {
                        case "unknown_import_kind" -> "imports.error.unknownKind";
                        case "payload_too_large" -> "imports.error.tooLarge";
                        default -> "imports.error.noFile";
                    });
            return "redirect:/imports";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page(Model model, JobRow selected) {
        ZoneId zone = zone();
        List<JobRow> recent = jobs.recent(Tenancy.currentTenantId(), 100, Long.MAX_VALUE).stream()
                .filter(j -> j.kind().startsWith(CommerceImports.JOB_KIND_PREFIX))
                .limit(RECENT)
                .map(j -> row(j, zone))
                .toList();
        Map<String, String> columns = new LinkedHashMap<>();
        imports.kinds().forEach(k -> columns.put(k, imports.headerOf(k).orElse("")));
        model.addAttribute("kinds", imports.kinds());
        model.addAttribute("columns", columns);
        model.addAttribute("recent", recent);
        model.addAttribute("job", selected);
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        model.addAttribute("maxMegabytes", CommerceImports.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", CommerceImports.MAX_ROWS);
        return "commerce/imports";
    }

    /** An import job of the current tenant, or 404. */
    Job find(long id) {
        return jobs.find(Tenancy.currentTenantId(), id)
                .filter(j -> j.kind().startsWith(CommerceImports.JOB_KIND_PREFIX))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ZoneId zone() {
        return tenants.get(Tenancy.currentTenantId()).timeZone();
    }

    private static JobRow row(Job j, ZoneId zone) {
        return new JobRow(
                j,
                j.kind().substring(CommerceImports.JOB_KIND_PREFIX.length()),
                j.createdAt() == null ? "" : TIME.format(j.createdAt().atZone(zone)),
                j.finishedAt() == null ? "" : TIME.format(j.finishedAt().atZone(zone)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem importsMenu() {
            return ConsoleMenuItem.of("nav.group.commerce", 40, "/imports", "nav.imports", "upload");
        }
    }
}
