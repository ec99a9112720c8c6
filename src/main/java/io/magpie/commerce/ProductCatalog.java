package io.magpie.commerce;

import io.magpie.commerce.Paging.Keyed;
import io.magpie.commerce.ProductView.SkuView;
import io.magpie.platform.CursorPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads products and SKUs. */
@Service
class ProductCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private static final String SELECT = """
            select p.id, p.code, p.name, c.code as category_code, b.code as brand_code, p.status,
                   p.attributes::text as attributes, p.created_at, p.updated_at
              from commerce_product p
              left join commerce_category c on c.id = p.category_id
              left join commerce_brand b on b.id = p.brand_id
            """;

    private final JdbcClient jdbc;

    ProductCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** List filters; {@code null} means no filter. {@code category} includes its whole subtree. */
    record Filter(String q, String category, String brand, CatalogStatus status) {}

    Optional<ProductView> get(long tenantId, String code) {
        return jdbc.sql(SELECT + " where p.tenant_id = ? and p.code = ?")
                .params(tenantId, code)
                .query(ProductCatalog::row)
                .optional()
                .map(r -> withSkus(tenantId, List.of(r)).get(0));
    }

    CursorPage<ProductView> list(long tenantId, Filter filter, int limit, long after) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where p.tenant_id = :tenant and p.id < :after");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        params.put("after", after);
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (p.code ilike :q or p.name ilike :q)");
            params.put("q", "%" + likeEscape(filter.q().strip()) + "%");
        }
        if (filter.category() != null) {
            sql.append(" and p.category_id in (select id from commerce_category where tenant_id = :tenant"
                    + " and path like (select path from commerce_category where tenant_id = :tenant"
                    + " and code = :category) || '%')");
            params.put("category", filter.category());
        }
        if (filter.brand() != null) {
            sql.append(" and b.code = :brand");
            params.put("brand", filter.brand());
        }
        if (filter.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", filter.status().name());
        }
        sql.append(" order by p.id desc limit :limit");
        params.put("limit", limit + 1);
        List<Keyed<ProductView>> rows = jdbc.sql(sql.toString())
                .params(params)
                .query(ProductCatalog::row)
                .list();
        List<ProductView> views = withSkus(tenantId, rows);
        List<Keyed<ProductView>> keyed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            keyed.add(new Keyed<>(rows.get(i).id(), views.get(i)));
        }
        return Paging.page(keyed, limit);
    }

    Optional<SkuDetailView> sku(long tenantId, String skuCode) {
        return jdbc.sql("""
                        select s.code, s.name, s.price_minor, s.list_price_minor, s.currency, s.status, s.updated_at,
                               p.code as product_code, p.name as product_name, c.code as category_code,
                               b.code as brand_code, p.status as product_status
                          from commerce_sku s
                          join commerce_product p on p.id = s.product_id
                          left join commerce_category c on c.id = p.category_id
                          left join commerce_brand b on b.id = p.brand_id
                         where s.tenant_id = ? and s.code = ?""")
                .params(tenantId, skuCode)
                .query((rs, n) -> new SkuDetailView(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getLong("price_minor"),
                        (Long) rs.getObject("list_price_minor"),
                        rs.getString("currency"),
                        CatalogStatus.valueOf(rs.getString("status")),
                        new SkuDetailView.ProductRef(
                                rs.getString("product_code"),
                                rs.getString("product_name"),
                                rs.getString("category_code"),
                                rs.getString("brand_code"),
                                CatalogStatus.valueOf(rs.getString("product_status"))),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private List<ProductView> withSkus(long tenantId, List<Keyed<ProductView>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SkuView>> skus = new HashMap<>();
        jdbc.sql("""
                        select product_id, code, name, price_minor, list_price_minor, currency, status
                          from commerce_sku where tenant_id = ? and product_id = any(?) order by product_id, code""")
                .params(tenantId, rows.stream().map(Keyed::id).toArray(Long[]::new))
                .query(rs -> {
                    skus.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>())
                            .add(new SkuView(
                                    rs.getString("code"),
                                    rs.getString("name"),
                                    rs.getLong("price_minor"),
                                    (Long) rs.getObject("list_price_minor"),
                                    rs.getString("currency"),
                                    CatalogStatus.valueOf(rs.getString("status"))));
                });
        return rows.stream()
                .map(r -> {
                    ProductView v = r.value();
                    return new ProductView(
                            v.code(),
                            v.name(),
                            v.category(),
                            v.brand(),
                            v.status(),
                            v.attributes(),
                            List.copyOf(skus.getOrDefault(r.id(), List.of())),
                            v.createdAt(),
                            v.updatedAt());
                })
                .toList();
    }

    private static Keyed<ProductView> row(ResultSet rs, int n) throws SQLException {
        return new Keyed<>(
                rs.getLong("id"),
                new ProductView(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("category_code"),
                        rs.getString("brand_code"),
                        CatalogStatus.valueOf(rs.getString("status")),
                        JSON.readValue(rs.getString("attributes"), MAP),
                        List.of(),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()));
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
