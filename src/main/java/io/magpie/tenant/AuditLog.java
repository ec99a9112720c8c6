package io.magpie.tenant;

import io.magpie.platform.Actor;
import io.magpie.platform.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what, when, from what to what. Every admin change (console or admin API) records
 * an entry in the same transaction as the change.
 */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
}
