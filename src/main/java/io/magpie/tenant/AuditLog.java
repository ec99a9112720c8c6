package io.magpie.tenant;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, from what to what. Every admin change (console or admin API) records
 * an entry in the same transaction as the change. States are stored as snake_case JSON, like the API.
 */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final int MAX_FILTER_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change by the current actor; {@code before}/{@code after} may be null. */
    public void record(String action, String targetType, Object targetId, Object before, Object after) {
        Actor actor = Tenancy.currentActor();
        record(actor.tenantId(), actor.actorName(), action, targetType, targetId, before, after);
    }

    public void record(
            long tenantId,
            String actor,
            String action,
            String targetType,
            Object targetId,
            Object before,
            Object after) {
        jdbc.sql("""
                        insert into tenant_audit_log (tenant_id, actor, action, target_type, target_id, before_state, after_state, at)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(
                        tenantId,
                        actor,
                        action,
                        targetType,
                        targetId == null ? null : targetId.toString(),
                        before == null ? null : JSON.writeValueAsString(before),
                        after == null ? null : JSON.writeValueAsString(after),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The current tenant's entries, newest first, optionally only one action and/or target type.
     *
     * @param action exact action, e.g. {@code api_key.created}; null or blank for all
     * @param targetType exact target type, e.g. {@code user}; null or blank for all
     */
    public CursorPage<AuditEntry> entries(String action, String targetType, Integer limit, String cursor) {
        int n = CursorPage.limit(limit);
        String a = filter("action", action);
        String t = filter("target_type", targetType);
        List<AuditEntry> rows = jdbc.sql("""
                        select * from tenant_audit_log
                         where tenant_id = :tenant and id < :after
                           and (cast(:action as text) is null or action = :action)
                           and (cast(:target as text) is null or target_type = :target)
                         order by id desc limit :n""")
                .param("tenant", Tenancy.currentTenantId())
                .param("after", CursorPage.after(cursor))
                .param("action", a)
                .param("target", t)
                .param("n", n + 1)
                .query(AuditLog::entry)
                .list();
        return CursorPage.of(rows, n, AuditEntry::id);
    }

    /** The distinct actions the current tenant's log holds, for filter choices. */
    public List<String> actions() {
        // a loose index scan: one index probe per distinct action instead of reading the whole log
        return jdbc.sql("""
                        with recursive a(action) as (
                          (select action from tenant_audit_log where tenant_id = :tenant order by action limit 1)
                          union all
                          select (select l.action from tenant_audit_log l
                                   where l.tenant_id = :tenant and l.action > a.action order by l.action limit 1)
                            from a where a.action is not null)
                        select action from a where action is not null""")
                .param("tenant", Tenancy.currentTenantId())
                .query(String.class)
                .list();
    }

    private static String filter(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw ProblemException.invalidField(
                    field, "size", field + " must be at most " + MAX_FILTER_LENGTH + " characters");
        }
        return value.trim();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                json(rs.getString("before_state")),
                json(rs.getString("after_state")),
                rs.getTimestamp("at").toInstant());
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
