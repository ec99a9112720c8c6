package io.magpie.commerce.web;

import io.magpie.platform.CursorPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the catalog for the console: products with filters, one product with its SKUs, filter options. */
@Component
class ProductQueries {

    static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

    private final JdbcClient jdbc;

    ProductQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters; {@code category} includes its whole subtree. */
    record Filter(String q, Long category, Long brand, String status) {}

    record Row(
            long id,
            String code,
            String name,
            String categoryName,
            String brandName,
            String status,
            int skus,
            Long minPriceMinor,
            Long maxPriceMinor,
            String currency) {}

    record Detail(Row product, List<String> categoryPath, Map<String, String> attributes, List<Sku> skus) {}

    record Sku(
            long id,
            String code,
            String name,
            long priceMinor,
            Long listPriceMinor,
            String currency,
            String status,
            Map<String, String> attributes) {}

    CursorPage<Row> list(long tenantId, Filter f, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS + FROM + " where p.tenant_id = ? and p.id < ?");
        List<Object> params = new ArrayList<>(List.of(tenantId, CursorPage.after(cursor)));
        if (f.q() != null) {
            sql.append(" and (p.code ilike ? or p.name ilike ?)");
            params.add(PageSupport.contains(f.q()));
            params.add(PageSupport.contains(f.q()));
        }
        if (f.category() != null) {
            sql.append(" and p.category_id in (select d.id from commerce_category d, commerce_category a"
                    + " where a.tenant_id = ? and a.id = ? and d.tenant_id = a.tenant_id"
                    + " and d.path like a.path || '%')");
            params.add(tenantId);
            params.add(f.category());
        }
        if (f.brand() != null) {
            sql.append(" and p.brand_id = ?");
            params.add(f.brand());
        }
        if (f.status() != null) {
            sql.append(" and p.status = ?");
            params.add(f.status());
        }
        sql.append(" order by p.id desc limit ?");
        params.add(limit + 1);
        return CursorPage.of(
                jdbc.sql(sql.toString()).params(params).query(this::row).list(), limit, Row::id);
    }

    Optional<Detail> find(long tenantId, long id) {
        return jdbc.sql(COLUMNS + ", p.attributes::text as attrs, cat.path as category_path" + FROM
                        + " where p.tenant_id = ? and p.id = ?")
                .params(tenantId, id)
                .query((rs, n) -> new Detail(
                        row(rs, n),
                        categoryPath(tenantId, rs.getString("category_path")),
                        Attributes.of(rs.getString("attrs")),
                        List.of()))
                .optional()
                .map(d -> new Detail(d.product(), d.categoryPath(), d.attributes(), skus(tenantId, id)));
    }

    List<Option> categories(long tenantId) {
        return jdbc.sql("select id, name, depth from commerce_category where tenant_id = ? order by path limit 1000")
                .param(tenantId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    List<Option> brands(long tenantId) {
        return jdbc.sql("select id, name from commerce_brand where tenant_id = ? order by name, id limit 1000")
                .param(tenantId)
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), 1))
                .list();
    }

    private List<Sku> skus(long tenantId, long productId) {
        return jdbc.sql("""
                        select id, code, name, price_minor, list_price_minor, currency, status, attributes::text
                        from commerce_sku where tenant_id = ? and product_id = ? order by id""")
                .params(tenantId, productId)
                .query((rs, n) -> new Sku(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getObject(5, Long.class),
                        rs.getString(6),
                        rs.getString(7),
                        Attributes.of(rs.getString(8))))
                .list();
    }

    /** Names from the root down to the product's category, from the category's materialized path. */
    private List<String> categoryPath(long tenantId, String path) {
        if (path == null) {
            return List.of();
        }
        Long[] ids = Arrays.stream(path.split("/"))
                .filter(s -> !s.isBlank())
                .map(Long::valueOf)
                .toArray(Long[]::new);
        return jdbc.sql("select name from commerce_category where tenant_id = ? and id = any(?) order by depth")
                .params(tenantId, ids)
                .query(String.class)
                .list();
    }

    private static final String COLUMNS = """
            select p.id, p.code, p.name, cat.name as category_name, b.name as brand_name, p.status,
                   k.skus, k.min_price, k.max_price, k.currency""";

    private static final String FROM = """

            from commerce_product p
            left join commerce_category cat on cat.id = p.category_id
            left join commerce_brand b on b.id = p.brand_id
            left join lateral (
              select count(*) as skus, min(price_minor) as min_price, max(price_minor) as max_price,
                     min(currency) as currency
              from commerce_sku s where s.product_id = p.id) k on true""";

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("category_name"),
                rs.getString("brand_name"),
                rs.getString("status"),
                rs.getInt("skus"),
                rs.getObject("min_price", Long.class),
                rs.getObject("max_price", Long.class),
                rs.getString("currency"));
    }
}
