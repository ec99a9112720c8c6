package io.magpie.commerce;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores checked customers in set-based chunks. Phone and e-mail are hashed and masked here, so
 * their clear values never reach the database.
 */
@Component
class CustomerWriter {

    static final int CHUNK = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ContactHashing hashing;
    private final Clock clock;

    CustomerWriter(JdbcClient jdbc, ContactHashing hashing, Clock clock) {
        this.jdbc = jdbc;
        this.hashing = hashing;
        this.clock = clock;
    }

    /**
     * Creates or replaces the customers. With {@code keepAttributes} (CSV files carry no attributes)
     * existing customers keep theirs. {@code progress} receives the number written so far after
     * each chunk.
     */
    @Transactional
    UpsertCounts upsert(long tenantId, List<CustomerInput> customers, boolean keepAttributes, LongConsumer progress) {
        ContactHashing.Hasher hasher = hashing.hasher(tenantId);
        UpsertCounts counts = UpsertCounts.NONE;
        for (int from = 0; from < customers.size(); from += CHUNK) {
            List<CustomerInput> chunk = customers.subList(from, Math.min(customers.size(), from + CHUNK));
            counts = counts.plus(writeChunk(tenantId, hasher, chunk, keepAttributes));
            progress.accept(from + chunk.size());
        }
        return counts;
    }

    private UpsertCounts writeChunk(
            long tenantId, ContactHashing.Hasher hasher, List<CustomerInput> chunk, boolean keepAttributes) {
        Timestamp now = Timestamp.from(clock.instant());
        int n = chunk.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] phoneHashes = new String[n];
        String[] phoneMasks = new String[n];
        String[] emailHashes = new String[n];
        String[] emailMasks = new String[n];
        String[] attributes = new String[n];
        String[] registered = new String[n];
        for (int i = 0; i < n; i++) {
            CustomerInput c = chunk.get(i);
            ids[i] = c.externalId();
            names[i] = c.name() == null || c.name().isBlank() ? null : c.name().strip();
            String phone = ContactFormats.normalizePhone(c.phone());
            if (phone != null) {
                HashedContact h = hasher.phone(phone);
                phoneHashes[i] = h.hash();
                phoneMasks[i] = h.masked();
            }
            String email = ContactFormats.normalizeEmail(c.email());
            if (email != null) {
                HashedContact h = hasher.email(email);
                emailHashes[i] = h.hash();
                emailMasks[i] = h.masked();
            }
            attributes[i] = c.attributes() == null ? null : JSON.writeValueAsString(c.attributes());
            registered[i] = c.registeredAt() == null ? null : c.registeredAt().toString();
        }
        long created = jdbc
                .sql("""
                        insert into commerce_customer (tenant_id, external_id, name, phone_hash, phone_masked, email_hash,
                                                       email_masked, attributes, registered_at, updated_at, created_at)
                        select ?, t.external_id, t.name, t.phone_hash, t.phone_masked, t.email_hash, t.email_masked,
                               coalesce(cast(t.attributes as jsonb), '{}'), cast(t.registered_at as timestamptz), ?, ?
                          from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                      cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                               as t(external_id, name, phone_hash, phone_masked, email_hash, email_masked, attributes,
                                    registered_at)
                        on conflict (tenant_id, external_id) do update
                           set name = excluded.name, phone_hash = excluded.phone_hash,
                               phone_masked = excluded.phone_masked, email_hash = excluded.email_hash,
                               email_masked = excluded.email_masked, registered_at = excluded.registered_at,
                               updated_at = excluded.updated_at,
                               attributes = case when ? then commerce_customer.attributes else excluded.attributes end
                        returning (xmax = 0)""")
                .params(
                        tenantId,
                        now,
                        now,
                        ids,
                        names,
                        phoneHashes,
                        phoneMasks,
                        emailHashes,
                        emailMasks,
                        attributes,
                        registered,
                        keepAttributes)
                .query(Boolean.class)
                .list()
                .stream()
                .filter(Boolean::booleanValue)
                .count();
        return new UpsertCounts(created, n - created);
    }
}
