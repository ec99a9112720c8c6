package io.magpie.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys: 192 random bits, shown once, stored as a SHA-256 hash (a high-entropy secret needs no
 * slow hash, and a per-request bcrypt would cap the API at a few hundred requests per second).
 */
@Service
class ApiKeys {

    static final String KEY_PREFIX = "mk_";
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<String, Optional<ApiKeyPrincipal>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    CreatedApiKey create(long tenantId, String name, Set<String> scopes, String createdBy) {
        return create(tenantId, name, scopes, createdBy, KEY_PREFIX + random(40));
    }

    /** Stores a key whose secret the caller chose (the configured bootstrap key). */
    @Transactional
    CreatedApiKey create(long tenantId, String name, Set<String> scopes, String createdBy, String secret) {
        String prefix = secret.substring(0, 11);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into tenant_api_key (tenant_id, name, prefix, secret_hash, scopes, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        tenantId,
                        name,
                        prefix,
                        hash(secret),
                        scopes.toArray(String[]::new),
                        createdBy,
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        return new CreatedApiKey(
                new ApiKeyView(id, name, prefix, List.copyOf(scopes), true, createdBy, now, null, null), secret);
    }

    boolean exists(String secret) {
        return jdbc.sql("select exists (select 1 from tenant_api_key where secret_hash = ?)")
                .param(hash(secret))
                .query(Boolean.class)
                .single();
    }

    /** Up to {@code limit} keys with ids below {@code beforeId}, newest first. */
    List<ApiKeyView> list(long tenantId, int limit, long beforeId) {
        return jdbc.sql("select * from tenant_api_key where tenant_id = ? and id < ? order by id desc limit ?")
                .params(tenantId, beforeId, limit)
                .query(ApiKeys::view)
                .list();
    }

    Optional<ApiKeyView> find(long tenantId, long id) {
        return jdbc.sql("select * from tenant_api_key where tenant_id = ? and id = ?")
                .params(tenantId, id)
                .query(ApiKeys::view)
                .optional();
    }

    /**
     * Revokes a key of this tenant; revoking twice is harmless. Effective at once on this node: the
     * cache is cleared now and again after commit, so a request racing the transaction cannot keep
     * the old state cached. Other nodes notice within the cache's ten seconds.
     *
     * @return true when this call revoked the key, false when it was revoked already
     */
    @Transactional
    boolean revoke(long tenantId, long id) {
        int changed = jdbc.sql(
                        "update tenant_api_key set revoked_at = ? where tenant_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), tenantId, id)
                .update();
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidateAll();
                }
            });
        }
        return changed > 0;
    }

    /** The principal for a presented key, empty when unknown or revoked. */
    Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(KEY_PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String h = hash(presented);
        return cache.get(h, this::load);
    }

    private Optional<ApiKeyPrincipal> load(String hash) {
        return jdbc.sql("""
                        update tenant_api_key set last_used_at = ?
                         where secret_hash = ? and revoked_at is null
                        returning id, tenant_id, prefix, scopes""")
                .params(Timestamp.from(clock.instant()), hash)
                .query((rs, n) -> new ApiKeyPrincipal(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), new LinkedHashSet<>(strings(rs.getArray(4)))))
                .optional();
    }

    private static ApiKeyView view(ResultSet rs, int n) throws SQLException {
        return new ApiKeyView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("prefix"),
                strings(rs.getArray("scopes")),
                rs.getTimestamp("revoked_at") == null,
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
