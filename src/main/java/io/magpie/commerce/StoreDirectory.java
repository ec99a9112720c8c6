package io.magpie.commerce;

import io.magpie.commerce.Paging.Keyed;
import io.magpie.platform.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's stores. */
@Service
class StoreDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    StoreDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A checked store: coordinates both present or both absent, a known IANA time zone. */
    record StoreInput(
            String name, Double latitude, Double longitude, String timeZone, String address, CatalogStatus status) {}

    @Transactional
    Upserted<StoreView> put(long tenantId, String code, StoreInput s) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean created = jdbc.sql("""
                        insert into commerce_store (tenant_id, code, name, latitude, longitude, time_zone, address, status, updated_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, code) do update
                           set name = excluded.name, latitude = excluded.latitude, longitude = excluded.longitude,
                               time_zone = excluded.time_zone, address = excluded.address, status = excluded.status,
                               updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .params(
                        tenantId,
                        code,
                        s.name(),
                        s.latitude(),
                        s.longitude(),
                        s.timeZone(),
                        s.address(),
                        s.status().name(),
                        now,
                        now)
                .query(Boolean.class)
                .single();
        return new Upserted<>(get(tenantId, code).orElseThrow(), created);
    }

    Optional<StoreView> get(long tenantId, String code) {
        return jdbc.sql("select * from commerce_store where tenant_id = ? and code = ?")
                .params(tenantId, code)
                .query((rs, n) -> view(rs))
                .optional();
    }

    CursorPage<StoreView> list(long tenantId, int limit, long after) {
        return Paging.page(
                jdbc.sql("select * from commerce_store where tenant_id = ? and id < ? order by id desc limit ?")
                        .params(tenantId, after, limit + 1)
                        .query((rs, n) -> new Keyed<>(rs.getLong("id"), view(rs)))
                        .list(),
                limit);
    }

    private static StoreView view(ResultSet rs) throws SQLException {
        return new StoreView(
                rs.getString("code"),
                rs.getString("name"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                rs.getString("time_zone"),
                rs.getString("address"),
                CatalogStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
