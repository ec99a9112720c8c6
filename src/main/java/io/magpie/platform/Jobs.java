package io.magpie.platform;

import io.magpie.platform.Job.RowError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background jobs with durable progress. Progress writes commit on their own, so a job that does
 * its real work in one transaction (all-or-nothing imports) still shows a moving progress bar.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_STORED_ERRORS = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Executor executor;
    private final Clock clock;

    Jobs(
            JdbcClient jdbc,
            PlatformTransactionManager tm,
            @Qualifier("applicationTaskExecutor") Executor executor,
            Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
        this.clock = clock;
    }

    /** Records a queued job and runs {@code work} in the background; returns the job id at once. */
    public long submit(long tenantId, String kind, String createdBy, Consumer<Progress> work) {
        long id = ownTransaction.execute(tx -> jdbc.sql("""
                        insert into platform_job (tenant_id, kind, status, created_by, created_at)
                        values (?, ?, 'QUEUED', ?, ?) returning id""")
                .params(tenantId, kind, createdBy, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single());
        executor.execute(() -> run(tenantId, id, work));
        return id;
    }

    private void run(long tenantId, long id, Consumer<Progress> work) {
        Progress progress = new Progress(tenantId, id);
        update(
                "update platform_job set status = 'RUNNING', started_at = ? where id = ?",
                Timestamp.from(clock.instant()),
                id);
        try {
            work.accept(progress);
            if (!progress.failed) {
                update(
                        "update platform_job set status = 'SUCCEEDED', processed = greatest(processed, total), message = ?, finished_at = ? where id = ?",
                        progress.message,
                        Timestamp.from(clock.instant()),
                        id);
            }
        } catch (ProblemException e) {
            progress.fail(e.getMessage(), List.of());
        } catch (RuntimeException e) {
            log.error("job {} failed", id, e);
            progress.fail("the job failed unexpectedly: " + e.getClass().getSimpleName(), List.of());
        }
    }

    public Optional<Job> find(long tenantId, long id) {
        return jdbc.sql("select * from platform_job where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(Jobs::map)
                .optional();
    }

    public List<Job> recent(long tenantId, int limit, long beforeId) {
        return jdbc.sql("select * from platform_job where tenant_id = ? and id < ? order by id desc limit ?")
                .params(tenantId, beforeId, limit)
                .query(Jobs::map)
                .list();
    }

    private void update(String sql, Object... params) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql(sql).params(params).update());
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        String errors = rs.getString("errors");
        List<RowError> list =
                errors == null ? List.of() : JSON.readValue(errors, new TypeReference<List<RowError>>() {});
        return new Job(
                rs.getLong("id"),
                rs.getString("kind"),
                Job.Status.valueOf(rs.getString("status")),
                rs.getLong("total"),
                rs.getLong("processed"),
                rs.getInt("error_count"),
                list,
                rs.getString("message"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Handed to the work: report progress, finish with a message, or fail with row errors. */
    public final class Progress {
        private final long tenantId;
        private final long jobId;
        private String message;
        private boolean failed;

        private Progress(long tenantId, long jobId) {
            this.tenantId = tenantId;
            this.jobId = jobId;
        }

        public long tenantId() {
            return tenantId;
        }

        public long jobId() {
            return jobId;
        }

        public void total(long total) {
            update("update platform_job set total = ? where id = ?", total, jobId);
        }

        public void processed(long processed) {
            update("update platform_job set processed = ? where id = ?", processed, jobId);
        }

        /** The message shown when the job succeeds, e.g. "1,200 products imported". */
        public void message(String message) {
            this.message = message;
        }

        public void fail(String message, List<RowError> errors) {
            this.failed = true;
            List<RowError> kept = errors.size() > MAX_STORED_ERRORS ? errors.subList(0, MAX_STORED_ERRORS) : errors;
            update(
                    "update platform_job set status = 'FAILED', message = ?, error_count = ?, errors = cast(? as jsonb), finished_at = ? where id = ?",
                    message,
                    errors.size(),
                    JSON.writeValueAsString(kept),
                    Timestamp.from(clock.instant()),
                    jobId);
        }
    }
}
