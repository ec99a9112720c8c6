package io.magpie.promotion;

import io.magpie.platform.CursorPage;
import io.magpie.platform.Job.RowError;
import io.magpie.platform.Jobs;
import io.magpie.platform.ProblemException;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.CouponIssuance.IssueOutcome;
import io.magpie.promotion.CouponIssuance.Result;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The operator's side of coupon templates: their figures, the coupons handed out, bulk issue (a list, or a CSV
 * file as a background job) and the code batches generated for or imported into a template.
 */
@Service
public class CouponTemplates {

    static final int MAX_TEMPLATES = 500;
    /** Rows of a bulk-issue CSV file. */
    public static final int MAX_CSV_ROWS = 1_000_000;

    static final int CHUNK = 1_000;

    private final CouponTemplateRows templates;
    private final CouponRows coupons;
    private final CouponIssuance issuance;
    private final CouponCodeBatches batches;
    private final CouponCodeCsv csv;
    private final Jobs jobs;
    private final Clock clock;

    CouponTemplates(
            CouponTemplateRows templates,
            CouponRows coupons,
            CouponIssuance issuance,
            CouponCodeBatches batches,
            CouponCodeCsv csv,
            Jobs jobs,
            Clock clock) {
        this.templates = templates;
        this.coupons = coupons;
        this.issuance = issuance;
        this.batches = batches;
        this.csv = csv;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** A code batch started in the background: poll {@code /api/v1/code-batches/{batchId}} or the job. */
    public record BatchStarted(long batchId, long jobId) {}

    public record BatchImported(long batchId, int count) {}

    /** The tenant's coupon templates, newest first (at most 500). */
    public List<CouponTemplateView> list(long tenantId, Locale locale) {
        List<Campaign> list = templates.list(tenantId, MAX_TEMPLATES);
        var usage = templates.usage(tenantId, list.stream().map(Campaign::id).toList());
        return list.stream()
                .map(t -> view(t, usage.getOrDefault(t.id(), Map.of()), locale))
                .toList();
    }

    public Optional<CouponTemplateView> find(long tenantId, long templateId, Locale locale) {
        return template(tenantId, templateId)
                .map(t -> view(
                        t, templates.usage(tenantId, List.of(templateId)).getOrDefault(templateId, Map.of()), locale));
    }

    /** The template's coupons, newest first, optionally of one stored state. 404 for an unknown template. */
    public CursorPage<CouponView> coupons(
            long tenantId, long templateId, CouponState state, Integer limit, String cursor, Locale locale) {
        int n = CursorPage.limit(limit);
        long after = CursorPage.after(cursor);
        Campaign template = issuance.template(tenantId, templateId);
        var now = clock.instant();
        List<CouponView> views = coupons.ofTemplate(tenantId, templateId, state, n + 1, after).stream()
                .map(c -> CouponWallet.view(c, template, now, null, locale))
                .toList();
        return CursorPage.of(views, n, CouponView::id);
    }

    /** See {@link CouponIssuance#issue}. */
    public List<IssueOutcome> issue(long tenantId, long templateId, List<String> customerIds) {
        return issuance.issue(tenantId, templateId, customerIds);
    }

    /**
     * Issues to every customer id of a CSV file (first column; optional header {@code customer_id}) in the
     * background. Every id is checked first: any bad row fails the job with a report and issues nothing. Then
     * chunks of 1,000 are issued, each atomically; the job's message gives the counts per result.
     */
    public long issueFromCsv(long tenantId, long templateId, byte[] file, String actor) {
        Campaign template = issuance.template(tenantId, templateId);
        String problem = CouponIssuance.distributionProblem(template, CouponSource.ISSUE, clock.instant());
        if (problem != null) {
            throw ProblemException.conflict(problem, "coupons of this template cannot be issued now");
        }
        return jobs.submit(tenantId, "coupon_issue", actor, progress -> {
            List<String> ids = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            readIds(file, ids, errors);
            if (!errors.isEmpty()) {
                progress.fail(errors.size() + " rows are invalid; nothing was issued", errors);
                return;
            }
            List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
            progress.total(ids.size());
            Map<Result, Integer> counts = new EnumMap<>(Result.class);
            counts.put(Result.DUPLICATE, ids.size() - unique.size());
            for (int from = 0; from < unique.size(); from += CHUNK) {
                List<String> chunk = unique.subList(from, Math.min(unique.size(), from + CHUNK));
                for (IssueOutcome o : issuance.issueChecked(template, chunk, clock.instant())) {
                    counts.merge(o.result(), 1, Integer::sum);
                }
                progress.processed(
                        counts.values().stream().mapToInt(Integer::intValue).sum());
            }
            progress.message(String.format(
                    Locale.ROOT,
                    "%d issued, %d limit reached, %d sold out, %d duplicates",
                    counts.getOrDefault(Result.ISSUED, 0),
                    counts.getOrDefault(Result.LIMIT_REACHED, 0),
                    counts.getOrDefault(Result.SOLD_OUT, 0),
                    counts.getOrDefault(Result.DUPLICATE, 0)));
        });
    }

    /** Generates {@code count} codes from {@code pattern} for the template in the background. */
    public BatchStarted generateBatch(
            long tenantId, long templateId, String name, String pattern, Integer count, String actor) {
        issuance.template(tenantId, templateId);
        if (count == null) {
            throw ProblemException.invalidField("count", "required", "count is required");
        }
        var started = batches.generate(tenantId, templateId, name, pattern, count, actor);
        return new BatchStarted(started.batchId(), started.jobId());
    }

    /** Imports external codes (CSV, first column) into a new batch of the template; all or nothing. */
    public BatchImported importBatch(long tenantId, long templateId, String name, Reader file, String actor) {
        issuance.template(tenantId, templateId);
        var imported = csv.importCodes(tenantId, templateId, name, file, actor);
        return new BatchImported(imported.batchId(), imported.count());
    }

    /** Code batches newest first, optionally of one template. */
    public List<CouponCodeBatchView> batches(long tenantId, Long templateId, int limit, long beforeId) {
        return batches.list(tenantId, templateId, limit, beforeId);
    }

    /** One batch with its counts and generation job. */
    public Optional<CouponCodeBatchView> batch(long tenantId, long batchId) {
        return batches.find(tenantId, batchId);
    }

    /** Streams the batch's codes as CSV (code, state, customer_id, issued_at, redeemed_at); 404 if unknown. */
    public void exportBatch(long tenantId, long batchId, Writer out) {
        csv.export(tenantId, batchId, out);
    }

    private Optional<Campaign> template(long tenantId, long templateId) {
        try {
            return Optional.of(issuance.template(tenantId, templateId));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private CouponTemplateView view(Campaign t, Map<CouponState, Long> usage, Locale locale) {
        CouponSettings s = t.coupon();
        var now = clock.instant();
        return new CouponTemplateView(
                t.id(),
                t.name(),
                t.description(),
                t.ruleType(),
                CouponBadges.badge(t.config(), locale),
                t.state(now),
                s.claimable(),
                s.totalLimit(),
                s.perCustomer(),
                t.issuedCount(),
                usage.getOrDefault(CouponState.REDEEMED, 0L),
                usage.getOrDefault(CouponState.LOCKED, 0L),
                s.validity().name(),
                CouponBadges.validity(s, t.schedule().zone(), locale),
                t.schedule().startsAt(),
                t.schedule().endsAt());
    }

    private static void readIds(byte[] file, List<String> ids, List<RowError> errors) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
            long row = 0;
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String id = firstField(line);
                if (first) {
                    first = false;
                    if (id.startsWith("\uFEFF")) {
                        id = id.substring(1);
                    }
                    if (id.equalsIgnoreCase("customer_id")) {
                        continue;
                    }
                }
                row++;
                if (id.isEmpty()) {
                    continue;
                }
                if (ids.size() >= MAX_CSV_ROWS) {
                    errors.add(new RowError(row, "customer_id", "at most " + MAX_CSV_ROWS + " rows per file"));
                    return;
                }
                String problem = CouponIssuance.customerIdProblem(id);
                if (problem != null) {
                    if (errors.size() < 1000) {
                        errors.add(new RowError(row, "customer_id", problem));
                    }
                } else {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstField(String line) {
        String s = line.strip();
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int comma = s.indexOf(',');
        return (comma < 0 ? s : s.substring(0, comma)).strip();
    }
}
