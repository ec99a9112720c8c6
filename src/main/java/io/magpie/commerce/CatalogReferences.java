package io.magpie.commerce;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resolves the codes a product refers to, a whole batch per query. */
@Component
class CatalogReferences {

    private final JdbcClient jdbc;

    CatalogReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Category code → id, for the codes that exist. */
    Map<String, Long> categoryIds(long tenantId, Collection<String> codes) {
        return ids("commerce_category", tenantId, codes);
    }

    /** Brand code → id, for the codes that exist. */
    Map<String, Long> brandIds(long tenantId, Collection<String> codes) {
        return ids("commerce_brand", tenantId, codes);
    }

    /** SKU code → the code of the product it belongs to, for the SKUs that exist. */
    Map<String, String> skuOwners(long tenantId, Collection<String> skuCodes) {
        Map<String, String> owners = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                        select s.code, p.code from commerce_sku s join commerce_product p on p.id = s.product_id
                         where s.tenant_id = ? and s.code = any(?)""").params(tenantId, skuCodes.toArray(String[]::new)).query(rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        });
        return owners;
    }

    private Map<String, Long> ids(String table, long tenantId, Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        if (codes.isEmpty()) {
            return ids;
        }
        jdbc.sql("select code, id from " + table + " where tenant_id = ? and code = any(?)")
                .params(tenantId, codes.toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }
}
