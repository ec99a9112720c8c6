package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Defines limits and reads their definitions. */
@Service
public class Limits {

    private final JdbcClient jdbc;

    Limits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LimitDefinition define(
            long tenantId, LimitMeasure measure, LimitScope per, LimitPeriod period, long maxAmount) {
        if (maxAmount < 0) {
            throw ProblemException.invalidField("max_amount", "negative", "a limit cannot be negative");
        }
        long id = jdbc.sql("""
                        insert into promotion_limit (tenant_id, measure, per, period, max_amount)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(tenantId, measure.name(), per.name(), period.name(), maxAmount)
                .query(Long.class)
                .single();
        return new LimitDefinition(id, measure, per, period, maxAmount);
    }

    public Optional<LimitDefinition> find(long tenantId, long limitId) {
        return jdbc.sql(
                        "select id, measure, per, period, max_amount from promotion_limit where tenant_id = ? and id = ?")
                .params(tenantId, limitId)
                .query((rs, n) -> new LimitDefinition(
                        rs.getLong(1),
                        LimitMeasure.valueOf(rs.getString(2)),
                        LimitScope.valueOf(rs.getString(3)),
                        LimitPeriod.valueOf(rs.getString(4)),
                        rs.getLong(5)))
                .optional();
    }

    LimitDefinition get(long tenantId, long limitId) {
        return find(tenantId, limitId).orElseThrow(() -> ProblemException.notFound("limit", limitId));
    }
}
