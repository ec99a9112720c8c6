package io.magpie.commerce;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read API of the catalog for other modules (promotions price carts with it): SKUs by code with their
 * product, brand and category codes, cached briefly so a hot path does not ask the database per request.
 * A SKU that is not in the catalog is simply absent from the answer.
 */
@Service
public class SkuLookup {

    /** How long a SKU's facts may be stale (a price or category change shows within this time). */
    static final Duration TTL = Duration.ofSeconds(30);

    private static final String SELECT = """
            select s.code, s.name, p.code as product_code, p.name as product_name, b.code as brand_code,
                   s.price_minor, s.list_price_minor, s.currency, s.status = 'ACTIVE' and p.status = 'ACTIVE' as active,
                   (select array_agg(a.code order by a.depth desc) from commerce_category a
                     where a.tenant_id = s.tenant_id and c.path like a.path || '%') as categories
              from commerce_sku s
              join commerce_product p on p.id = s.product_id and p.tenant_id = s.tenant_id
              left join commerce_brand b on b.id = p.brand_id
              left join commerce_category c on c.id = p.category_id
            """;

    private record Key(long tenantId, String sku) {}

    private static final Optional<SkuFacts> ABSENT = Optional.empty();

    private final JdbcClient jdbc;
    private final Cache<Key, Optional<SkuFacts>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(200_000).build();

    SkuLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SKUs found among {@code codes}; codes not in the catalog are missing from the map. */
    public Map<String, SkuFacts> find(long tenantId, Collection<String> codes) {
        Map<String, SkuFacts> found = new HashMap<>(codes.size() * 2);
        List<String> missing = null;
        for (String code : codes) {
            Optional<SkuFacts> cached = cache.getIfPresent(new Key(tenantId, code));
            if (cached == null) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(code);
            } else {
                cached.ifPresent(f -> found.put(code, f));
            }
        }
        if (missing != null) {
            var asked = new LinkedHashSet<>(missing);
            Map<String, SkuFacts> loaded = load(tenantId, asked);
            for (String code : asked) {
                SkuFacts facts = loaded.get(code);
                cache.put(new Key(tenantId, code), facts == null ? ABSENT : Optional.of(facts));
                if (facts != null) {
                    found.put(code, facts);
                }
            }
        }
        return found;
    }

    public Optional<SkuFacts> find(long tenantId, String code) {
        return Optional.ofNullable(find(tenantId, List.of(code)).get(code));
    }

    /** Active SKUs whose code, name or product name contains {@code query}, by code; at most {@code limit}. */
    public List<SkuFacts> search(long tenantId, String query, int limit) {
        if (!storable(query)) {
            return List.of();
        }
        String like =
                "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                         where s.tenant_id = ? and s.status = 'ACTIVE' and p.status = 'ACTIVE'
                           and (s.code ilike ? or s.name ilike ? or p.name ilike ?)
                         order by s.code limit ?""")
                .params(tenantId, like, like, like, limit)
                .query(SkuLookup::map)
                .list();
    }

    private Map<String, SkuFacts> load(long tenantId, Collection<String> codes) {
        Map<String, SkuFacts> found = new HashMap<>();
        String[] asked = codes.stream().filter(SkuLookup::storable).toArray(String[]::new);
        if (asked.length == 0) {
            return found;
        }
        jdbc.sql(SELECT + " where s.tenant_id = ? and s.code = any(?)")
                .params(tenantId, asked)
                .query(SkuLookup::map)
                .list()
                .forEach(f -> found.put(f.sku(), f));
        return found;
    }

    /**
     * Whether PostgreSQL could hold this text: it rejects a NUL character in any text parameter (the query
     * would fail as a data error), and no catalog code or name contains one, so such input finds nothing.
     */
    private static boolean storable(String text) {
        return text != null && text.indexOf('\0') < 0;
    }

    private static SkuFacts map(ResultSet rs, int n) throws SQLException {
        return new SkuFacts(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("product_code"),
                rs.getString("product_name"),
                rs.getString("brand_code"),
                strings(rs.getArray("categories")),
                rs.getLong("price_minor"),
                (Long) rs.getObject("list_price_minor", Long.class),
                rs.getString("currency"),
                rs.getBoolean("active"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
