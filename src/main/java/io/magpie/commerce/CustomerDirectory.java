package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds customers by the merchant's customer id, creating a stub for an id seen for the first time. */
@Service
public class CustomerDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The internal id of the customer with this external id, created as a stub (no name, no
     * contact) when absent. Safe under concurrency: the insert yields to a concurrent one.
     *
     * @throws ProblemException 400 on field {@code external_id} when it is not a valid merchant id
     */
    @Transactional
    public long ensureCustomer(long tenantId, String externalId) {
        String problem = InputRules.code(externalId);
        if (problem != null) {
            throw ProblemException.invalidField("external_id", "invalid_value", "customer id " + problem);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into commerce_customer (tenant_id, external_id, updated_at, created_at) values (?, ?, ?, ?)
                        on conflict (tenant_id, external_id) do nothing""").params(tenantId, externalId, now, now).update();
        return findCustomerId(tenantId, externalId).orElseThrow();
    }

    /** The internal id of the customer with this external id, if it exists. */
    public Optional<Long> findCustomerId(long tenantId, String externalId) {
        return jdbc.sql("select id from commerce_customer where tenant_id = ? and external_id = ?")
                .params(tenantId, externalId)
                .query(Long.class)
                .optional();
    }

    /** Customer ids by external id; sorted inserts keep concurrent bulk requests from deadlocking. */
    Map<String, Long> ensureAll(long tenantId, Collection<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        String[] sorted = externalIds.stream().distinct().sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into commerce_customer (tenant_id, external_id)
                        select ?, x from unnest(?::text[]) as x order by x
                        on conflict (tenant_id, external_id) do nothing""").params(tenantId, sorted).update();
        jdbc.sql("select external_id, id from commerce_customer where tenant_id = ? and external_id = any(?)")
                .params(tenantId, sorted)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }
}
