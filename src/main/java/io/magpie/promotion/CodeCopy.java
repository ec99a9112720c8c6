package io.magpie.promotion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes codes with PostgreSQL COPY on the caller's transaction connection. The fast path copies
 * straight into promotion_code; if a code already exists (unique violation) the chunk is redone
 * through a temporary table with {@code on conflict do nothing}, and the caller redraws the shortfall.
 */
final class CodeCopy {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final CopyManager copy;
    private final long tenantId;
    private final long batchId;
    private final boolean checked;
    private boolean stagingCreated;

    CodeCopy(Connection connection, long tenantId, long batchId, boolean checked) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.tenantId = tenantId;
        this.batchId = batchId;
        this.checked = checked;
    }

    /** Inserts the codes that do not exist yet; returns how many were inserted. */
    int insertNew(Collection<String> codes) throws SQLException, IOException {
        byte[] rows = rows(codes);
        Savepoint savepoint = connection.setSavepoint();
        try {
            long n = copy.copyIn(
                    "copy promotion_code (tenant_id, batch_id, code, checked) from stdin",
                    new ByteArrayInputStream(rows));
            connection.releaseSavepoint(savepoint);
            return (int) n;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
        }
        stage(rows);
        try (var st = connection.createStatement()) {
            return st.executeUpdate("""
                    insert into promotion_code (tenant_id, batch_id, code, checked)
                    select tenant_id, batch_id, code, checked from promotion_code_incoming
                    on conflict (tenant_id, code) do nothing""");
        }
    }

    /** Copies codes into the temporary staging table (emptied first) for set-based checks. */
    void stage(Collection<String> codes) throws SQLException, IOException {
        stage(rows(codes));
    }

    /** The staged codes that the tenant already holds. */
    List<String> stagedExisting() throws SQLException {
        try (var st = connection.prepareStatement("""
                select i.code from promotion_code_incoming i
                where exists (select 1 from promotion_code p where p.tenant_id = ? and p.code = i.code)""")) {
            st.setLong(1, tenantId);
            List<String> existing = new ArrayList<>();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
            return existing;
        }
    }

    int insertStaged() throws SQLException {
        try (var st = connection.createStatement()) {
            return st.executeUpdate("""
                    insert into promotion_code (tenant_id, batch_id, code, checked)
                    select tenant_id, batch_id, code, checked from promotion_code_incoming""");
        }
    }

    private void stage(byte[] rows) throws SQLException, IOException {
        try (var st = connection.createStatement()) {
            if (!stagingCreated) {
                st.execute("""
                        create temporary table if not exists promotion_code_incoming
                          (tenant_id bigint, batch_id bigint, code text, checked boolean) on commit drop""");
                stagingCreated = true;
            }
            st.execute("truncate promotion_code_incoming");
        }
        copy.copyIn(
                "copy promotion_code_incoming (tenant_id, batch_id, code, checked) from stdin",
                new ByteArrayInputStream(rows));
    }

    private byte[] rows(Collection<String> codes) {
        String prefix = tenantId + "\t" + batchId + "\t";
        String suffix = checked ? "\tt\n" : "\tf\n";
        StringBuilder sb = new StringBuilder(codes.size() * (prefix.length() + 24));
        for (String code : codes) {
            // codes hold only A-Z, 0-9, '-' and '_': nothing to escape in COPY text format
            sb.append(prefix).append(code).append(suffix);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
