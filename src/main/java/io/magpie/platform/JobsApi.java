package io.magpie.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to background jobs (imports, bulk work) and their progress. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Progress and row-level error reports of background work")
class JobsApi {

    private final Jobs jobs;

    JobsApi(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job with its progress and error report")
    Job get(@PathVariable long id) {
        return jobs.find(Tenancy.currentTenantId(), id).orElseThrow(() -> ProblemException.notFound("job", id));
    }

    @GetMapping
    @Operation(summary = "Recent jobs, newest first")
    CursorPage<Job> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        return CursorPage.of(jobs.recent(Tenancy.currentTenantId(), n + 1, CursorPage.after(cursor)), n, Job::id);
    }
}
