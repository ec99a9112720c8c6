package io.magpie.commerce;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One secret random salt per tenant, created on first use. It is committed on its own before any
 * hash is computed with it: a salt that vanished with a rolled-back caller would leave hashes
 * nobody can match again.
 */
@Component
class TenantSalts {

    private static final int BYTES = 32;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, byte[]> cache = new ConcurrentHashMap<>();

    TenantSalts(JdbcClient jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    byte[] salt(long tenantId) {
        return cache.computeIfAbsent(tenantId, this::load).clone();
    }

    private byte[] load(long tenantId) {
        byte[] fresh = new byte[BYTES];
        random.nextBytes(fresh);
        return ownTransaction.execute(tx -> {
            jdbc.sql("insert into commerce_tenant_salt (tenant_id, salt) values (?, ?) on conflict do nothing")
                    .params(tenantId, fresh)
                    .update();
            return jdbc.sql("select salt from commerce_tenant_salt where tenant_id = ?")
                    .param(tenantId)
                    .query(byte[].class)
                    .single();
        });
    }
}
