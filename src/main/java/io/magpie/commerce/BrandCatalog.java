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

/** The tenant's brands. */
@Service
class BrandCatalog {

    private final JdbcClient jdbc;
    private final Clock clock;

    BrandCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Upserted<BrandView> put(long tenantId, String code, String name) {
        Timestamp now = Timestamp.from(clock.instant());
        boolean created = jdbc.sql("""
                        insert into commerce_brand (tenant_id, code, name, updated_at, created_at) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, code) do update set name = excluded.name, updated_at = excluded.updated_at
                        returning (xmax = 0)""")
                .params(tenantId, code, name, now, now)
                .query(Boolean.class)
                .single();
        return new Upserted<>(get(tenantId, code).orElseThrow(), created);
    }

    Optional<BrandView> get(long tenantId, String code) {
        return jdbc.sql("select * from commerce_brand where tenant_id = ? and code = ?")
                .params(tenantId, code)
                .query((rs, n) -> view(rs))
                .optional();
    }

    CursorPage<BrandView> list(long tenantId, int limit, long after) {
        return Paging.page(
                jdbc.sql("select * from commerce_brand where tenant_id = ? and id < ? order by id desc limit ?")
                        .params(tenantId, after, limit + 1)
                        .query((rs, n) -> new Keyed<>(rs.getLong("id"), view(rs)))
                        .list(),
                limit);
    }

    private static BrandView view(ResultSet rs) throws SQLException {
        return new BrandView(
                rs.getString("code"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
