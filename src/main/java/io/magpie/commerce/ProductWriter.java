package io.magpie.commerce;

import io.magpie.commerce.ProductInput.SkuInput;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.Tenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores checked products with their SKUs: a few set-based statements per chunk ({@code unnest}
 * of arrays) instead of one round trip per row. SKUs missing from a product's list become
 * INACTIVE, never deleted, because orders keep referring to them.
 */
@Component
class ProductWriter {

    /** SKU rows per chunk: big enough to amortize round trips, small enough to show progress. */
    static final int CHUNK_SKUS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CatalogReferences references;
    private final Tenants tenants;
    private final Clock clock;

    ProductWriter(JdbcClient jdbc, CatalogReferences references, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.references = references;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Upserts the products in the caller's transaction (or its own). With {@code keepAttributes}
     * (CSV files carry no attributes) existing products keep theirs. {@code progress} receives the
     * number of SKU rows written so far after each chunk.
     */
    @Transactional
    UpsertCounts upsert(long tenantId, List<ProductInput> input, boolean keepAttributes, LongConsumer progress) {
        // one order for every writer, so concurrent batches lock shared rows in the same order
        List<ProductInput> products =
                input.stream().sorted(Comparator.comparing(ProductInput::code)).toList();
        String currency = tenants.get(tenantId).currency();
        Set<String> categories = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (ProductInput p : products) {
            if (p.category() != null) {
                categories.add(p.category());
            }
            if (p.brand() != null) {
                brands.add(p.brand());
            }
        }
        Map<String, Long> categoryIds = references.categoryIds(tenantId, categories);
        Map<String, Long> brandIds = references.brandIds(tenantId, brands);
        UpsertCounts counts = UpsertCounts.NONE;
        long written = 0;
        List<ProductInput> chunk = new ArrayList<>();
        int chunkSkus = 0;
        for (ProductInput p : products) {
            chunk.add(p);
            chunkSkus += p.skus().size();
            if (chunkSkus >= CHUNK_SKUS) {
                counts = counts.plus(writeChunk(tenantId, currency, chunk, categoryIds, brandIds, keepAttributes));
                written += chunkSkus;
                progress.accept(written);
                chunk.clear();
                chunkSkus = 0;
            }
        }
        if (!chunk.isEmpty()) {
            counts = counts.plus(writeChunk(tenantId, currency, chunk, categoryIds, brandIds, keepAttributes));
            progress.accept(written + chunkSkus);
        }
        return counts;
    }

    private UpsertCounts writeChunk(
            long tenantId,
            String currency,
            List<ProductInput> products,
            Map<String, Long> categoryIds,
            Map<String, Long> brandIds,
            boolean keepAttributes) {
        Timestamp now = Timestamp.from(clock.instant());
        int n = products.size();
        String[] codes = new String[n];
        String[] names = new String[n];
        Long[] categoryIdArray = new Long[n];
        Long[] brandIdArray = new Long[n];
        String[] statuses = new String[n];
        String[] attributes = new String[n];
        for (int i = 0; i < n; i++) {
            ProductInput p = products.get(i);
            codes[i] = p.code();
            names[i] = p.name().strip();
            categoryIdArray[i] = p.category() == null ? null : categoryIds.get(p.category());
            brandIdArray[i] = p.brand() == null ? null : brandIds.get(p.brand());
            statuses[i] = (p.status() == null ? CatalogStatus.ACTIVE : p.status()).name();
            attributes[i] = JSON.writeValueAsString(p.attributes() == null ? Map.of() : p.attributes());
        }
        Map<String, Long> productIds = new HashMap<>();
        long[] created = {0};
        jdbc.sql("""
                        insert into commerce_product (tenant_id, code, name, category_id, brand_id, status, attributes, updated_at, created_at)
                        select ?, t.code, t.name, t.category_id, t.brand_id, t.status, cast(t.attributes as jsonb), ?, ?
                          from unnest(cast(? as text[]), cast(? as text[]), cast(? as bigint[]), cast(? as bigint[]),
                                      cast(? as text[]), cast(? as text[]))
                               as t(code, name, category_id, brand_id, status, attributes)
                        on conflict (tenant_id, code) do update
                           set name = excluded.name, category_id = excluded.category_id, brand_id = excluded.brand_id,
                               status = excluded.status, updated_at = excluded.updated_at,
                               attributes = case when ? then commerce_product.attributes else excluded.attributes end
                        returning id, code, (xmax = 0) as inserted""")
                .params(
                        tenantId,
                        now,
                        now,
                        codes,
                        names,
                        categoryIdArray,
                        brandIdArray,
                        statuses,
                        attributes,
                        keepAttributes)
                .query(rs -> {
                    productIds.put(rs.getString("code"), rs.getLong("id"));
                    if (rs.getBoolean("inserted")) {
                        created[0]++;
                    }
                });
        writeSkus(tenantId, currency, now, products, productIds);
        return new UpsertCounts(created[0], n - created[0]);
    }

    private void writeSkus(
            long tenantId, String currency, Timestamp now, List<ProductInput> products, Map<String, Long> productIds) {
        List<Long> productIdList = new ArrayList<>();
        List<String> skuCodes = new ArrayList<>();
        List<String> skuNames = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        List<Long> listPrices = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<SkuRow> rows = new ArrayList<>();
        for (ProductInput p : products) {
            for (SkuInput s : p.skus()) {
                rows.add(new SkuRow(productIds.get(p.code()), p.name(), s));
            }
        }
        rows.sort(Comparator.comparing(r -> r.sku().sku()));
        for (SkuRow row : rows) {
            SkuInput s = row.sku();
            productIdList.add(row.productId());
            skuCodes.add(s.sku());
            skuNames.add(s.name() == null ? row.productName().strip() : s.name().strip());
            prices.add(s.price());
            listPrices.add(s.listPrice());
            statuses.add((s.status() == null ? CatalogStatus.ACTIVE : s.status()).name());
        }
        Set<String> stored = new HashSet<>();
        jdbc.sql("""
                        insert into commerce_sku (tenant_id, product_id, code, name, price_minor, list_price_minor,
                                                  currency, status, updated_at, created_at)
                        select ?, t.product_id, t.code, t.name, t.price, t.list_price, ?, t.status, ?, ?
                          from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[]),
                                      cast(? as bigint[]), cast(? as text[]))
                               as t(product_id, code, name, price, list_price, status)
                        on conflict (tenant_id, code) do update
                           set name = excluded.name, price_minor = excluded.price_minor,
                               list_price_minor = excluded.list_price_minor, currency = excluded.currency,
                               status = excluded.status, updated_at = excluded.updated_at
                         where commerce_sku.product_id = excluded.product_id
                        returning code""")
                .params(
                        tenantId,
                        currency,
                        now,
                        now,
                        productIdList.toArray(Long[]::new),
                        skuCodes.toArray(String[]::new),
                        skuNames.toArray(String[]::new),
                        prices.toArray(Long[]::new),
                        listPrices.toArray(Long[]::new),
                        statuses.toArray(String[]::new))
                .query(rs -> {
                    stored.add(rs.getString(1));
                });
        if (stored.size() < skuCodes.size()) {
            // another writer gave one of these SKU codes to a different product after the checks ran
            String taken = skuCodes.stream()
                    .filter(c -> !stored.contains(c))
                    .findFirst()
                    .orElseThrow();
            throw ProblemException.conflict("sku_taken", "SKU '" + taken + "' belongs to another product");
        }
        jdbc.sql("""
                        update commerce_sku set status = 'INACTIVE', updated_at = ?
                         where tenant_id = ? and product_id = any(?) and status <> 'INACTIVE' and code <> all(?)""")
                .params(now, tenantId, productIds.values().toArray(Long[]::new), skuCodes.toArray(String[]::new))
                .update();
    }

    private record SkuRow(long productId, String productName, SkuInput sku) {}
}
