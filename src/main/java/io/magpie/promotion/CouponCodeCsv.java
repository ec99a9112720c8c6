package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV of coupon codes. Import takes the first column (an optional header {@code code}), upper-cases,
 * validates and dedupes every row and writes all codes or none. Export streams a batch with COPY.
 */
@Service
class CouponCodeCsv {

    static final int MAX_ROWS = 1_000_000;
    static final int MAX_REPORTED_ERRORS = 100;
    private static final Pattern VALID = Pattern.compile("[A-Z0-9_-]{3,64}");

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final CouponCodeBatches batches;

    CouponCodeCsv(DataSource dataSource, PlatformTransactionManager tm, CouponCodeBatches batches) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(tm);
        this.batches = batches;
    }

    record Imported(long batchId, int count) {}

    Imported importCodes(long tenantId, String name, Reader csv, String actor) {
        return importCodes(tenantId, null, name, csv, actor);
    }

    /** Imports external codes into a batch linked to template {@code templateId} (null: not linked). */
    Imported importCodes(long tenantId, Long templateId, String name, Reader csv, String actor) {
        String batchName = CouponCodeBatches.name(name);
        Map<String, Long> rowOf = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        read(csv, rowOf, problems);
        if (problems.isEmpty() && rowOf.isEmpty()) {
            throw ProblemException.unprocessable("empty_import", "the file holds no codes");
        }
        reject(problems);
        return transaction.execute(tx -> {
            long batchId = batches.insertBatch(
                    tenantId, templateId, batchName, null, rowOf.size(), "IMPORTED", "READY", actor);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CodeCopy copy = new CodeCopy(connection, tenantId, batchId, false);
                copy.stage(rowOf.keySet());
                for (String existing : copy.stagedExisting()) {
                    problems.add(problem(rowOf.get(existing), "already_exists", "the code " + existing + " exists"));
                }
                reject(problems); // rolls the batch back: all or nothing
                return new Imported(batchId, copy.insertStaged());
            } catch (SQLException e) {
                throw new IllegalStateException("importing coupon codes failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    /** Streams the batch as CSV (code, state, customer_id, issued_at, redeemed_at) without holding it in memory. */
    void export(long tenantId, long batchId, Writer out) {
        batches.status(tenantId, batchId); // 404 for another tenant's batch
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // COPY takes no bind parameters; both values are longs, so formatting them is safe
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "copy (select code, state, customer_id, issued_at, redeemed_at from promotion_code"
                                    + " where tenant_id = " + tenantId + " and batch_id = " + batchId
                                    + " order by id) to stdout with (format csv, header)",
                            out);
        } catch (SQLException e) {
            throw new IllegalStateException("exporting coupon codes failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void read(Reader csv, Map<String, Long> rowOf, List<FieldProblem> problems) {
        try (BufferedReader lines = new BufferedReader(csv)) {
            long row = 0;
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String code = CouponCodes.normalize(firstField(line));
                if (first && code.equals("CODE")) {
                    first = false;
                    continue;
                }
                first = false;
                if (rowOf.size() >= MAX_ROWS) {
                    throw ProblemException.unprocessable(
                            "too_many_rows", "an import holds at most " + MAX_ROWS + " codes");
                }
                if (!VALID.matcher(code).matches()) {
                    problems.add(problem(
                            row, "invalid_code", "a code has 3 to 64 letters, digits, '-' or '_'; got '" + code + "'"));
                } else if (rowOf.putIfAbsent(code, row) != null) {
                    problems.add(problem(row, "duplicate", "the code " + code + " is also on row " + rowOf.get(code)));
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
        return comma < 0 ? s : s.substring(0, comma);
    }

    private static FieldProblem problem(long row, String code, String message) {
        return new FieldProblem("rows[" + row + "].code", code, message);
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_rows",
                    problems.size() + " rows are invalid; nothing was imported",
                    List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_REPORTED_ERRORS))));
        }
    }
}
