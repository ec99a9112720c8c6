package io.magpie.commerce;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the customers an order names by the merchant's customer id and creates a stub for an unknown
 * one. Insert-then-select (two statements) so a customer committed by a concurrent request is seen.
 */
@Component
class OrderCustomers {

    private final JdbcClient jdbc;

    OrderCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long ensure(long tenantId, String externalId) {
        return jdbc.sql("""
                        insert into commerce_customer (tenant_id, external_id) values (?, ?)
                        on conflict (tenant_id, external_id) do nothing returning id""")
                .params(tenantId, externalId)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("select id from commerce_customer where tenant_id = ? and external_id = ?")
                        .params(tenantId, externalId)
                        .query(Long.class)
                        .single());
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
