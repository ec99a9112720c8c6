package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.tenant.Tenants;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes and releases limits atomically in PostgreSQL: one conditional upsert decides, so
 * concurrent callers can never push a counter past its limit (no read-then-write).
 */
@Service
public class LimitCounters {

    // One statement decides: a fresh counter is inserted only if the amount fits; an existing one
    // is incremented only if the sum still fits. Row locking of ON CONFLICT serialises the racers.
    private static final String CONSUME = """
            insert into promotion_limit_counter as c (tenant_id, limit_id, subject, period_start, used)
            select :tenant, :limit, :subject, :period, :amount where cast(:amount as bigint) <= cast(:max as bigint)
            on conflict (tenant_id, limit_id, subject, period_start)
            do update set used = c.used + excluded.used where c.used + excluded.used <= cast(:max as bigint)
            returning used""";

    private final JdbcClient jdbc;
    private final Limits limits;
    private final Tenants tenants;
    private final Clock clock;

    LimitCounters(JdbcClient jdbc, Limits limits, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Counts {@code amount} against the limit for {@code subject} in the period containing {@code at}. */
    @Transactional
    public LimitDecision tryConsume(long tenantId, long limitId, String subject, long amount, Instant at) {
        LimitDefinition limit = definition(tenantId, limitId, amount);
        return consume(tenantId, limit, subject, amount, periodStart(tenantId, limit, at));
    }

    /**
     * Like {@link #tryConsume(long, long, String, long, Instant)}, once per {@code operationId}: a
     * retried or concurrent call with the same operation id counts nothing and answers
     * {@code ALREADY_CONSUMED}. A refused try leaves no trace, so it may be retried.
     */
    @Transactional
    public LimitDecision tryConsume(
            long tenantId, long limitId, String subject, long amount, Instant at, String operationId) {
        LimitDefinition limit = definition(tenantId, limitId, amount);
        LocalDate period = periodStart(tenantId, limit, at);
        int recorded = jdbc.sql("""
                        insert into promotion_limit_consumption
                          (tenant_id, operation_id, limit_id, subject, period_start, amount, consumed_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        tenantId,
                        operationId,
                        limitId,
                        subject,
                        Date.valueOf(period),
                        amount,
                        Timestamp.from(clock.instant()))
                .update();
        if (recorded == 0) {
            boolean same = jdbc.sql("""
                            select subject = ? and amount = ? from promotion_limit_consumption
                             where tenant_id = ? and operation_id = ? and limit_id = ?""")
                    .params(subject, amount, tenantId, operationId, limitId)
                    .query(Boolean.class)
                    .optional()
                    .orElse(true);
            if (!same) {
                throw ProblemException.conflict(
                        "operation_conflict",
                        "operation '" + operationId + "' already consumed this limit for another subject or amount");
            }
            return new LimitDecision(
                    LimitDecision.Outcome.ALREADY_CONSUMED, remaining(tenantId, limit, subject, period));
        }
        LimitDecision decision = consume(tenantId, limit, subject, amount, period);
        if (!decision.consumed()) {
            jdbc.sql(
                            "delete from promotion_limit_consumption where tenant_id = ? and operation_id = ? and limit_id = ?")
                    .params(tenantId, operationId, limitId)
                    .update();
        }
        return decision;
    }

    /** Gives back what {@code operationId} consumed, on every limit, exactly once; returns the limits released. */
    @Transactional
    public List<Long> release(long tenantId, String operationId) {
        List<Released> released = jdbc.sql("""
                        update promotion_limit_consumption set released_at = ?
                        where tenant_id = ? and operation_id = ? and released_at is null
                        returning limit_id, subject, period_start, amount""")
                .params(Timestamp.from(clock.instant()), tenantId, operationId)
                .query((rs, n) -> new Released(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4)))
                .list();
        released.forEach(r -> decrement(tenantId, r.limitId(), r.subject(), r.period(), r.amount()));
        return released.stream().map(Released::limitId).toList();
    }

    /** Gives back {@code amount} without an operation id; the counter never goes below zero. */
    @Transactional
    public void release(long tenantId, long limitId, String subject, long amount, Instant at) {
        LimitDefinition limit = definition(tenantId, limitId, amount);
        decrement(tenantId, limitId, subject, periodStart(tenantId, limit, at), amount);
    }

    /** What is used for {@code subject} in the period containing {@code at} (0 when nothing was counted). */
    public long used(long tenantId, long limitId, String subject, Instant at) {
        LimitDefinition limit = limits.get(tenantId, limitId);
        return used(tenantId, limitId, subject, periodStart(tenantId, limit, at))
                .orElse(0L);
    }

    private LimitDecision consume(long tenantId, LimitDefinition limit, String subject, long amount, LocalDate period) {
        Optional<Long> used = jdbc.sql(CONSUME)
                .param("tenant", tenantId)
                .param("limit", limit.id())
                .param("subject", subject)
                .param("period", Date.valueOf(period))
                .param("amount", amount)
                .param("max", limit.maxAmount())
                .query(Long.class)
                .optional();
        if (used.isPresent()) {
            return new LimitDecision(LimitDecision.Outcome.CONSUMED, limit.maxAmount() - used.get());
        }
        return new LimitDecision(LimitDecision.Outcome.REFUSED, remaining(tenantId, limit, subject, period));
    }

    private void decrement(long tenantId, long limitId, String subject, LocalDate period, long amount) {
        jdbc.sql("""
                        update promotion_limit_counter set used = greatest(used - ?, 0)
                        where tenant_id = ? and limit_id = ? and subject = ? and period_start = ?""")
                .params(amount, tenantId, limitId, subject, Date.valueOf(period))
                .update();
    }

    private long remaining(long tenantId, LimitDefinition limit, String subject, LocalDate period) {
        long used = used(tenantId, limit.id(), subject, period).orElse(0L);
        return Math.max(0, limit.maxAmount() - used);
    }

    private Optional<Long> used(long tenantId, long limitId, String subject, LocalDate period) {
        return jdbc.sql("""
                        select used from promotion_limit_counter
                        where tenant_id = ? and limit_id = ? and subject = ? and period_start = ?""")
                .params(tenantId, limitId, subject, Date.valueOf(period))
                .query(Long.class)
                .optional();
    }

    private LimitDefinition definition(long tenantId, long limitId, long amount) {
        if (amount <= 0) {
            throw ProblemException.invalidField("amount", "not_positive", "the amount must be positive");
        }
        return limits.get(tenantId, limitId);
    }

    private LocalDate periodStart(long tenantId, LimitDefinition limit, Instant at) {
        if (limit.period() == LimitPeriod.TOTAL) {
            return LimitPeriod.FOREVER;
        }
        return limit.period().start(at, tenants.get(tenantId).timeZone());
    }

    private record Released(long limitId, String subject, LocalDate period, long amount) {}
}
