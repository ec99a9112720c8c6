package io.magpie.commerce;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What order intake needs from the catalog: SKUs and stores by the merchant's codes, one query each. */
@Component
class OrderCatalog {

    /** A SKU with the product and category it belongs to, as copied onto an order line. */
    record SkuRef(long skuId, long productId, String productCode, Long categoryId) {}

    private final JdbcClient jdbc;

    OrderCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, SkuRef> skus(long tenantId, Collection<String> codes) {
        Map<String, SkuRef> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select s.code, s.id, p.id, p.code, p.category_id
                          from commerce_sku s
                          join commerce_product p on p.id = s.product_id and p.tenant_id = s.tenant_id
                         where s.tenant_id = ? and s.code = any(?)""").params(tenantId, codes.toArray(String[]::new)).query(rs -> {
            found.put(rs.getString(1), new SkuRef(rs.getLong(2), rs.getLong(3), rs.getString(4), (Long)
                    rs.getObject(5, Long.class)));
        });
        return found;
    }

    Map<String, Long> stores(long tenantId, Collection<String> codes) {
        Map<String, Long> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql("select code, id from commerce_store where tenant_id = ? and code = any(?)")
                .params(tenantId, codes.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }
}
