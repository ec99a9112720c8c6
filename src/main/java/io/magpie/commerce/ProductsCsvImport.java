package io.magpie.commerce;

import io.magpie.commerce.ProductInput.SkuInput;
import io.magpie.platform.Job.RowError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Products from CSV, one row per SKU; rows with the same {@code product_code} form one product and
 * must agree on its name, category, brand and product status. Prices are decimals in the
 * tenant's currency ({@code 19.99}, at most as many decimals as the currency has), converted
 * exactly to minor units. SKUs of a listed product that the file does not list become INACTIVE.
 */
@Component
class ProductsCsvImport implements CsvImport<ProductsCsvImport.Row> {

    static final List<String> REQUIRED = List.of("product_code", "product_name", "sku", "price");
    static final List<String> OPTIONAL =
            List.of("category", "brand", "sku_name", "list_price", "status", "product_status");

    private final TenantSettings settings;
    private final CatalogReferences references;
    private final ProductWriter writer;

    ProductsCsvImport(TenantSettings settings, CatalogReferences references, ProductWriter writer) {
        this.settings = settings;
        this.references = references;
        this.writer = writer;
    }

    /** One parsed SKU row. */
    record Row(
            long number,
            String productCode,
            String productName,
            String category,
            String brand,
            CatalogStatus productStatus,
            String sku,
            String skuName,
            long price,
            Long listPrice,
            CatalogStatus status) {}

    @Override
    public String kind() {
        return "products";
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    @Override
    public Row parse(long tenantId, long rowNumber, CsvRow row, List<RowError> errors) {
        int before = errors.size();
        int digits = MinorUnits.digits(settings.currency(tenantId));
        String productCode = code(rowNumber, row, "product_code", true, errors);
        String productName = text(rowNumber, row, "product_name", true, errors);
        String category = code(rowNumber, row, "category", false, errors);
        String brand = code(rowNumber, row, "brand", false, errors);
        CatalogStatus productStatus = status(rowNumber, row, "product_status", errors);
        String sku = code(rowNumber, row, "sku", true, errors);
        String skuName = text(rowNumber, row, "sku_name", false, errors);
        Long price = price(rowNumber, row, "price", true, digits, errors);
        Long listPrice = price(rowNumber, row, "list_price", false, digits, errors);
        CatalogStatus status = status(rowNumber, row, "status", errors);
        if (errors.size() > before) {
            return null;
        }
        return new Row(
                rowNumber,
                productCode,
                productName,
                category,
                brand,
                productStatus,
                sku,
                skuName == null ? productName : skuName,
                price,
                listPrice,
                status);
    }

    @Override
    public void check(long tenantId, List<Row> rows, List<RowError> errors) {
        Map<String, Row> firstOfProduct = new HashMap<>();
        Map<String, Integer> skuCount = new HashMap<>();
        Map<String, Row> skuRows = new HashMap<>();
        Set<String> categories = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (Row r : rows) {
            Row first = firstOfProduct.putIfAbsent(r.productCode(), r);
            if (first != null) {
                sameAsFirst(r, first, "product_name", r.productName(), first.productName(), errors);
                sameAsFirst(r, first, "category", r.category(), first.category(), errors);
                sameAsFirst(r, first, "brand", r.brand(), first.brand(), errors);
                sameAsFirst(r, first, "product_status", r.productStatus(), first.productStatus(), errors);
            }
            if (skuCount.merge(r.productCode(), 1, Integer::sum) == ProductRules.MAX_SKUS + 1) {
                errors.add(new RowError(r.number(), "sku", "a product has at most " + ProductRules.MAX_SKUS + " SKUs"));
            }
            Row earlier = skuRows.putIfAbsent(r.sku(), r);
            if (earlier != null) {
                errors.add(new RowError(
                        r.number(), "sku", "SKU '" + r.sku() + "' already appears in row " + earlier.number()));
            }
            if (r.category() != null) {
                categories.add(r.category());
            }
            if (r.brand() != null) {
                brands.add(r.brand());
            }
        }
        Map<String, Long> categoryIds = references.categoryIds(tenantId, categories);
        Map<String, Long> brandIds = references.brandIds(tenantId, brands);
        Map<String, String> owners = references.skuOwners(tenantId, skuRows.keySet());
        for (Row r : rows) {
            if (r.category() != null && !categoryIds.containsKey(r.category())) {
                errors.add(new RowError(r.number(), "category", "category '" + r.category() + "' does not exist"));
            }
            if (r.brand() != null && !brandIds.containsKey(r.brand())) {
                errors.add(new RowError(r.number(), "brand", "brand '" + r.brand() + "' does not exist"));
            }
            String owner = owners.get(r.sku());
            if (owner != null && !owner.equals(r.productCode())) {
                errors.add(new RowError(r.number(), "sku", "SKU '" + r.sku() + "' belongs to product '" + owner + "'"));
            }
        }
    }

    @Override
    public void write(long tenantId, List<Row> rows, LongConsumer progress) {
        Map<String, List<Row>> byProduct = new LinkedHashMap<>();
        for (Row r : rows) {
            byProduct.computeIfAbsent(r.productCode(), k -> new ArrayList<>()).add(r);
        }
        List<ProductInput> products = new ArrayList<>(byProduct.size());
        for (List<Row> skus : byProduct.values()) {
            Row first = skus.get(0);
            products.add(new ProductInput(
                    first.productCode(),
                    first.productName(),
                    first.category(),
                    first.brand(),
                    first.productStatus(),
                    null,
                    skus.stream()
                            .map(r -> new SkuInput(r.sku(), r.skuName(), r.price(), r.listPrice(), r.status()))
                            .toList()));
        }
        writer.upsert(tenantId, products, true, progress);
    }

    private static void sameAsFirst(
            Row r, Row first, String column, Object value, Object expected, List<RowError> errors) {
        if (!Objects.equals(value, expected)) {
            errors.add(new RowError(
                    r.number(),
                    column,
                    column + " differs from row " + first.number() + " of product '" + r.productCode() + "'"));
        }
    }

    static String code(long n, CsvRow row, String column, boolean required, List<RowError> errors) {
        String v = row.get(column);
        if (v.isEmpty() && !required) {
            return null;
        }
        String problem = InputRules.code(v);
        if (problem != null) {
            errors.add(new RowError(n, column, column + " " + problem));
            return null;
        }
        return v;
    }

    static String text(long n, CsvRow row, String column, boolean required, List<RowError> errors) {
        String v = row.get(column);
        if (v.isEmpty() && !required) {
            return null;
        }
        String problem = InputRules.name(v);
        if (problem != null) {
            errors.add(new RowError(n, column, column + " " + problem));
            return null;
        }
        return v;
    }

    private static Long price(long n, CsvRow row, String column, boolean required, int digits, List<RowError> errors) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                errors.add(new RowError(n, column, column + " is required"));
            }
            return null;
        }
        try {
            return MinorUnits.parse(v, digits);
        } catch (MinorUnits.InvalidAmountException e) {
            errors.add(new RowError(n, column, e.getMessage()));
            return null;
        }
    }

    private static CatalogStatus status(long n, CsvRow row, String column, List<RowError> errors) {
        String v = row.get(column);
        if (v.isEmpty()) {
            return CatalogStatus.ACTIVE;
        }
        try {
            return CatalogStatus.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(n, column, column + " must be ACTIVE or INACTIVE"));
            return null;
        }
    }
}
