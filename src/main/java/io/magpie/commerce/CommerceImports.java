package io.magpie.commerce;

import io.magpie.platform.Jobs;
import io.magpie.platform.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts CSV imports as background jobs (kinds such as {@code products}, {@code customers}).
 * Limits: {@value #MAX_BYTES} bytes and {@value #MAX_ROWS} data rows per file; UTF-8 (a byte order
 * mark is fine); RFC 4180 quoting. All-or-nothing: a file with any bad row imports nothing and the
 * job carries the report of every bad row.
 */
@Service
public class CommerceImports {

    /** Largest accepted file: 50 MB. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** Most data rows in one file. */
    public static final int MAX_ROWS = 500_000;

    /** Job kinds are {@code import.<kind>}, e.g. {@code import.products}. */
    public static final String JOB_KIND_PREFIX = "import.";

    private final Map<String, CsvImport<?>> imports = new TreeMap<>();
    private final Jobs jobs;
    private final TransactionTemplate tx;

    CommerceImports(List<CsvImport<?>> imports, Jobs jobs, TransactionTemplate tx) {
        for (CsvImport<?> i : imports) {
            if (this.imports.put(i.kind(), i) != null) {
                throw new IllegalStateException("two CSV imports of kind " + i.kind());
            }
        }
        this.jobs = jobs;
        this.tx = tx;
    }

    /** The import kinds, alphabetically. */
    public List<String> kinds() {
        return List.copyOf(imports.keySet());
    }

    /** The columns of a kind, required first, as a header line for a template file. */
    public Optional<String> headerOf(String kind) {
        return Optional.ofNullable(imports.get(kind))
                .map(i -> String.join(",", i.requiredColumns())
                        + (i.optionalColumns().isEmpty() ? "" : "," + String.join(",", i.optionalColumns())));
    }

    /**
     * Queues an import and returns the job id at once; progress and the error report are on the
     * job ({@code GET /api/v1/jobs/{id}}).
     *
     * @throws ProblemException 404 {@code unknown_import_kind}, 413 {@code payload_too_large}, 400 {@code empty_file}
     */
    public long start(long tenantId, String kind, String actorName, byte[] csv) {
        CsvImport<?> csvImport = imports.get(kind);
        if (csvImport == null) {
            throw unknownKind(kind);
        }
        if (csv.length > MAX_BYTES) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "a CSV file may have at most 50 MB");
        }
        if (csv.length == 0) {
            throw ProblemException.badRequest("empty_file", "the file is empty");
        }
        CsvImportRun<?> run = new CsvImportRun<>(csvImport, tx, tenantId, csv);
        return jobs.submit(tenantId, JOB_KIND_PREFIX + kind, actorName, run::run);
    }

    ProblemException unknownKind(String kind) {
        return new ProblemException(
                HttpStatus.NOT_FOUND,
                "unknown_import_kind",
                "there is no import of kind '" + kind + "'; kinds: " + String.join(", ", kinds()));
    }
}
