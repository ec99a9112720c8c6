package io.magpie.tenant;

import io.magpie.platform.ProblemException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and creates tenants. */
@Service
public class Tenants {

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TenantView get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
    }

    public Optional<TenantView> find(long id) {
        return jdbc.sql("select id, name, currency, time_zone from tenant where id = ?")
                .param(id)
                .query((rs, n) ->
                        new TenantView(rs.getLong(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4))))
                .optional();
    }

    public List<TenantView> all() {
        return jdbc.sql("select id, name, currency, time_zone from tenant order by id")
                .query((rs, n) ->
                        new TenantView(rs.getLong(1), rs.getString(2), rs.getString(3), ZoneId.of(rs.getString(4))))
                .list();
    }

    @Transactional
    public TenantView create(String name, String currency, ZoneId timeZone) {
        long id = jdbc.sql("insert into tenant (name, currency, time_zone) values (?, ?, ?) returning id")
                .params(name, currency, timeZone.getId())
                .query(Long.class)
                .single();
        return new TenantView(id, name, currency, timeZone);
    }
}
