package io.magpie.commerce;

import io.magpie.commerce.Paging.Keyed;
import io.magpie.platform.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads customers; phone and e-mail are searched by their hash. */
@Service
class CustomerQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private static final String SELECT = """
            select id, external_id, name, phone_masked, email_masked, attributes::text as attributes,
                   registered_at, created_at, updated_at
              from commerce_customer""";

    private final JdbcClient jdbc;

    CustomerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** List filters; {@code null} means no filter. */
    record Filter(String q, String phoneHash, String emailHash) {}

    Optional<CustomerView> get(long tenantId, String externalId) {
        return jdbc.sql(SELECT + " where tenant_id = ? and external_id = ?")
                .params(tenantId, externalId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    CursorPage<CustomerView> list(long tenantId, Filter filter, int limit, long after) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where tenant_id = :tenant and id < :after");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        params.put("after", after);
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (external_id ilike :q or name ilike :q)");
            params.put("q", "%" + ProductCatalog.likeEscape(filter.q().strip()) + "%");
        }
        if (filter.phoneHash() != null) {
            sql.append(" and phone_hash = :phone");
            params.put("phone", filter.phoneHash());
        }
        if (filter.emailHash() != null) {
            sql.append(" and email_hash = :email");
            params.put("email", filter.emailHash());
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        return Paging.page(
                jdbc.sql(sql.toString())
                        .params(params)
                        .query((rs, n) -> new Keyed<>(rs.getLong("id"), view(rs)))
                        .list(),
                limit);
    }

    private static CustomerView view(ResultSet rs) throws SQLException {
        Timestamp registered = rs.getTimestamp("registered_at");
        return new CustomerView(
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("phone_masked"),
                rs.getString("email_masked"),
                JSON.readValue(rs.getString("attributes"), MAP),
                registered == null ? null : registered.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
