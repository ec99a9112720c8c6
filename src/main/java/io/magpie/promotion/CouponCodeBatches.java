package io.magpie.promotion;

import io.magpie.platform.Jobs;
import io.magpie.platform.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Generates batches of unique coupon codes in the background and persists them with COPY. */
@Service
class CouponCodeBatches {

    static final int MAX_COUNT = 5_000_000;
    static final int MAX_NAME = 200;
    static final int CHUNK = 50_000;
    /** Rounds in a row that add no code before we call the pattern exhausted. */
    private static final int MAX_EMPTY_ROUNDS = 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final Jobs jobs;
    private final Clock clock;

    CouponCodeBatches(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager tm, Jobs jobs, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(tm);
        this.jobs = jobs;
        this.clock = clock;
    }

    record Started(long batchId, long jobId) {}

    /** A batch's name as given, trimmed: required, at most {@value #MAX_NAME} characters, no control characters. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalidField("name", "required", "a batch needs a name");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME || TextChecks.hasControl(trimmed)) {
            throw ProblemException.invalidField(
                    "name",
                    "invalid_value",
                    "a batch name has at most " + MAX_NAME + " characters, none of them control");
        }
        return trimmed;
    }

    Started generate(long tenantId, String name, String pattern, int count, String actor) {
        return generate(tenantId, null, name, pattern, count, actor, new CodeGenerator());
    }

    /** A batch whose codes redeem into coupons of template {@code templateId} (null: not linked). */
    Started generate(long tenantId, Long templateId, String name, String pattern, int count, String actor) {
        return generate(tenantId, templateId, name, pattern, count, actor, new CodeGenerator());
    }

    Started generate(long tenantId, String name, String rawPattern, int count, String actor, CodeGenerator generator) {
        return generate(tenantId, null, name, rawPattern, count, actor, generator);
    }

    /** The generator is a parameter so tests can force collisions with a seeded one. */
    Started generate(
            long tenantId,
            Long templateId,
            String name,
            String rawPattern,
            int count,
            String actor,
            CodeGenerator generator) {
        String batchName = name(name);
        if (count < 1 || count > MAX_COUNT) {
            throw ProblemException.invalidField(
                    "count", "out_of_range", "a batch holds between 1 and " + MAX_COUNT + " codes");
        }
        CodePattern pattern = CodePattern.parse(rawPattern);
        // earlier batches of the same pattern share its space: guessing must stay hard for all of them
        pattern.requireRoomFor(count + issuedWith(tenantId, pattern));
        long batchId = insertBatch(
                tenantId, templateId, batchName, pattern.pattern(), count, "GENERATED", "GENERATING", actor);
        long jobId = jobs.submit(tenantId, "coupon_codes", actor, progress -> {
            try {
                transaction.executeWithoutResult(tx -> {
                    fill(tenantId, batchId, pattern, count, generator, progress);
                    setStatus(tenantId, batchId, "READY");
                });
                progress.message(count + " codes generated");
            } catch (RuntimeException e) {
                setStatus(tenantId, batchId, "FAILED");
                throw e;
            }
        });
        jdbc.sql("update promotion_code_batch set job_id = ? where tenant_id = ? and id = ?")
                .params(jobId, tenantId, batchId)
                .update();
        return new Started(batchId, jobId);
    }

    private void fill(
            long tenantId,
            long batchId,
            CodePattern pattern,
            int count,
            CodeGenerator generator,
            Jobs.Progress progress) {
        progress.total(count);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CodeCopy copy = new CodeCopy(connection, tenantId, batchId, true);
            Set<String> drawn = new HashSet<>(count * 4 / 3 + 16);
            int inserted = 0;
            int emptyRounds = 0;
            while (inserted < count) {
                List<String> chunk = new ArrayList<>(Math.min(CHUNK, count - inserted));
                int attempts = 0;
                while (chunk.size() < Math.min(CHUNK, count - inserted) && attempts++ < CHUNK * 10) {
                    String code = generator.next(pattern);
                    if (drawn.add(code)) {
                        chunk.add(code);
                    }
                }
                int added = chunk.isEmpty() ? 0 : copy.insertNew(chunk);
                inserted += added;
                emptyRounds = added == 0 ? emptyRounds + 1 : 0;
                if (emptyRounds >= MAX_EMPTY_ROUNDS) {
                    throw ProblemException.conflict(
                            "pattern_exhausted", "no new unique codes could be drawn from " + pattern.pattern());
                }
                progress.processed(inserted);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("copying coupon codes failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private long issuedWith(long tenantId, CodePattern pattern) {
        return jdbc.sql("""
                        select coalesce(sum(requested_count), 0) from promotion_code_batch
                        where tenant_id = ? and pattern = ? and status <> 'FAILED'""")
                .params(tenantId, pattern.pattern())
                .query(Long.class)
                .single();
    }

    long insertBatch(
            long tenantId,
            Long templateId,
            String name,
            String pattern,
            int count,
            String source,
            String status,
            String actor) {
        return jdbc.sql("""
                        insert into promotion_code_batch
                          (tenant_id, campaign_id, name, pattern, requested_count, source, status, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenantId,
                        templateId,
                        name,
                        pattern,
                        count,
                        source,
                        status,
                        actor,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    private void setStatus(long tenantId, long batchId, String status) {
        jdbc.sql("update promotion_code_batch set status = ? where tenant_id = ? and id = ?")
                .params(status, tenantId, batchId)
                .update();
    }

    String status(long tenantId, long batchId) {
        return jdbc.sql("select status from promotion_code_batch where tenant_id = ? and id = ?")
                .params(tenantId, batchId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("code batch", batchId));
    }

    private static final String BATCH_COLUMNS =
            "id, campaign_id, name, pattern, source, status, requested_count, job_id, created_by, created_at";

    /** Batches newest first, optionally of one template, before batch id {@code beforeId}. */
    List<CouponCodeBatchView> list(long tenantId, Long templateId, int limit, long beforeId) {
        return jdbc.sql("select " + BATCH_COLUMNS + """
                         from promotion_code_batch where tenant_id = ? and id < ?
                          and (cast(? as bigint) is null or campaign_id = ?)
                        order by id desc limit ?""")
                .params(tenantId, beforeId, templateId, templateId, limit)
                .query((rs, n) -> batch(rs, null, null, null))
                .list();
    }

    /** One batch with its code counts and job. */
    java.util.Optional<CouponCodeBatchView> find(long tenantId, long batchId) {
        return jdbc.sql("select " + BATCH_COLUMNS + """
                        , (select count(*) from promotion_code c where c.tenant_id = b.tenant_id and c.batch_id = b.id),
                          (select count(*) from promotion_code c where c.tenant_id = b.tenant_id and c.batch_id = b.id
                             and c.state <> 'AVAILABLE')
                         from promotion_code_batch b where tenant_id = ? and id = ?""")
                .params(tenantId, batchId)
                .query((rs, n) -> {
                    long jobId = rs.getLong("job_id");
                    var job = rs.wasNull() ? null : jobs.find(tenantId, jobId).orElse(null);
                    return batch(rs, rs.getLong(11), rs.getLong(12), job);
                })
                .optional();
    }

    private static CouponCodeBatchView batch(java.sql.ResultSet rs, Long codes, Long issued, io.magpie.platform.Job job)
            throws SQLException {
        long template = rs.getLong("campaign_id");
        Long templateId = rs.wasNull() ? null : template;
        long rawJob = rs.getLong("job_id");
        Long jobId = rs.wasNull() ? null : rawJob;
        return new CouponCodeBatchView(
                rs.getLong("id"),
                templateId,
                rs.getString("name"),
                rs.getString("pattern"),
                rs.getString("source"),
                rs.getString("status"),
                rs.getInt("requested_count"),
                codes,
                issued,
                jobId,
                job,
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
