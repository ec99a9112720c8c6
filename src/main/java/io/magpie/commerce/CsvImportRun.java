package io.magpie.commerce;

import io.magpie.platform.Job.RowError;
import io.magpie.platform.Jobs;
import io.magpie.platform.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a CSV import as a background job. Phase 1 parses and checks every row and collects
 * every problem; any problem fails the job with the full report and nothing written. Phase 2
 * writes all rows in one transaction, so a failure half-way leaves nothing half-imported; the
 * progress bar still moves because job progress commits on its own.
 */
final class CsvImportRun<T> {

    private static final Logger log = LoggerFactory.getLogger(CsvImportRun.class);

    private final CsvImport<T> kind;
    private final TransactionTemplate tx;
    private final long tenantId;
    private final byte[] csv;

    CsvImportRun(CsvImport<T> kind, TransactionTemplate tx, long tenantId, byte[] csv) {
        this.kind = kind;
        this.tx = tx;
        this.tenantId = tenantId;
        this.csv = csv;
    }

    void run(Jobs.Progress progress) {
        List<T> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        long dataRows;
        try {
            CsvParser parser = new CsvParser(csv);
            List<String> header = parser.next();
            if (header == null) {
                progress.fail("the file is empty; the first line must name the columns", List.of());
                return;
            }
            List<String> columns = header.stream()
                    .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                    .toList();
            String headerProblem = headerProblem(columns);
            if (headerProblem != null) {
                progress.fail(headerProblem, List.of());
                return;
            }
            dataRows = parseRows(parser, columns, rows, errors);
            if (dataRows < 0) {
                progress.fail("the file has more than " + CommerceImports.MAX_ROWS + " rows; split it", List.of());
                return;
            }
        } catch (CsvParser.CsvFormatException e) {
            progress.fail("row " + Math.max(0, e.record() - 1) + ": " + e.getMessage(), List.of());
            return;
        }
        progress.total(dataRows);
        if (errors.isEmpty()) {
            kind.check(tenantId, rows, errors);
        }
        if (!errors.isEmpty()) {
            List<RowError> sorted = errors.stream()
                    .sorted(Comparator.comparingLong(RowError::row))
                    .toList();
            long badRows = sorted.stream().map(RowError::row).distinct().count();
            progress.fail(sorted.size() + " problem(s) in " + badRows + " row(s); nothing was imported", sorted);
            return;
        }
        try {
            tx.executeWithoutResult(s -> kind.write(tenantId, rows, progress::processed));
        } catch (ProblemException e) {
            progress.fail("nothing was imported: " + e.getMessage(), List.of());
            return;
        } catch (DataAccessException e) {
            log.warn("import of {} for tenant {} failed while writing", kind.kind(), tenantId, e);
            progress.fail("the database refused the rows; nothing was imported", List.of());
            return;
        }
        progress.message(String.format(java.util.Locale.ROOT, "%,d row(s) imported", rows.size()));
    }

    /** Parses every data row; returns the number of non-blank data rows, or -1 past the row limit. */
    private long parseRows(CsvParser parser, List<String> columns, List<T> rows, List<RowError> errors) {
        long count = 0;
        List<String> fields;
        while ((fields = parser.next()) != null) {
            long number = parser.records() - 1;
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (++count > CommerceImports.MAX_ROWS) {
                return -1;
            }
            if (fields.size() != columns.size()) {
                errors.add(new RowError(
                        number, null, "has " + fields.size() + " fields but the header has " + columns.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>(columns.size() * 2);
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), fields.get(i));
            }
            CsvRow row = new CsvRow(number, values);
            T parsed = kind.parse(tenantId, number, row, errors);
            if (parsed != null) {
                rows.add(parsed);
            }
        }
        return count;
    }

    private String headerProblem(List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                return "column '" + c + "' appears twice in the header";
            }
        }
        List<String> missing =
                kind.requiredColumns().stream().filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            return "missing required column(s): " + String.join(", ", missing) + "; required: "
                    + String.join(",", kind.requiredColumns());
        }
        List<String> unknown = columns.stream()
                .filter(c -> !kind.requiredColumns().contains(c)
                        && !kind.optionalColumns().contains(c))
                .toList();
        if (!unknown.isEmpty()) {
            return "unknown column(s): " + String.join(", ", unknown) + "; allowed: "
                    + String.join(",", kind.requiredColumns()) + ","
                    + String.join(",", kind.optionalColumns());
        }
        return null;
    }
}
