package io.magpie.commerce;

import io.magpie.commerce.ProductInput.SkuInput;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * Checks products before any is written: shapes, limits, duplicates inside the batch, references
 * to categories and brands, and SKU codes that already belong to another product.
 */
@Component
class ProductRules {

    static final int MAX_SKUS = 100;

    private final CatalogReferences references;

    ProductRules(CatalogReferences references) {
        this.references = references;
    }

    /**
     * @param prefix field prefix of the i-th product, e.g. {@code products[3].} or an empty string
     */
    InputErrors check(long tenantId, List<ProductInput> products, IntFunction<String> prefix) {
        InputErrors errors = new InputErrors();
        Set<String> productCodes = new HashSet<>();
        Map<String, String> skuProduct = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            ProductInput p = products.get(i);
            String at = prefix.apply(i);
            if (p == null) {
                errors.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "required", "product is required");
                continue;
            }
            InputRules.requireCode(errors, at + "code", p.code());
            if (p.code() != null && !productCodes.add(p.code())) {
                errors.add(at + "code", "duplicate", "product '" + p.code() + "' appears more than once");
            }
            InputRules.requireName(errors, at + "name", p.name());
            InputRules.optionalCode(errors, at + "category", p.category());
            InputRules.optionalCode(errors, at + "brand", p.brand());
            InputRules.attributes(at + "attributes", p.attributes(), errors);
            checkSkus(errors, at, p, skuProduct);
        }
        checkReferences(tenantId, products, prefix, errors);
        return errors;
    }

    private static void checkSkus(InputErrors errors, String at, ProductInput p, Map<String, String> skuProduct) {
        if (p.skus() == null || p.skus().isEmpty()) {
            errors.add(at + "skus", "required", "a product needs at least one SKU");
            return;
        }
        if (p.skus().size() > MAX_SKUS) {
            errors.add(at + "skus", "size", "a product has at most " + MAX_SKUS + " SKUs");
            return;
        }
        for (int j = 0; j < p.skus().size(); j++) {
            SkuInput s = p.skus().get(j);
            String sat = at + "skus[" + j + "].";
            if (s == null) {
                errors.add(at + "skus[" + j + "]", "required", "SKU is required");
                continue;
            }
            InputRules.requireCode(errors, sat + "sku", s.sku());
            if (s.sku() != null && skuProduct.putIfAbsent(s.sku(), String.valueOf(p.code())) != null) {
                errors.add(sat + "sku", "duplicate", "SKU '" + s.sku() + "' appears more than once");
            }
            if (s.name() != null) {
                InputRules.requireName(errors, sat + "name", s.name());
            }
            if (s.price() == null) {
                errors.add(sat + "price", "required", sat + "price is required");
            } else if (InputRules.price(s.price()) != null) {
                errors.add(sat + "price", "out_of_range", sat + "price " + InputRules.price(s.price()));
            }
            if (InputRules.price(s.listPrice()) != null) {
                errors.add(sat + "list_price", "out_of_range", sat + "list_price " + InputRules.price(s.listPrice()));
            }
        }
    }

    private void checkReferences(
            long tenantId, List<ProductInput> products, IntFunction<String> prefix, InputErrors errors) {
        Set<String> categories = new HashSet<>();
        Set<String> brands = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (ProductInput p : products) {
            if (p == null) {
                continue;
            }
            addIfCode(categories, p.category());
            addIfCode(brands, p.brand());
            if (p.skus() != null) {
                p.skus().stream().filter(Objects::nonNull).forEach(s -> addIfCode(skus, s.sku()));
            }
        }
        Map<String, Long> categoryIds = references.categoryIds(tenantId, categories);
        Map<String, Long> brandIds = references.brandIds(tenantId, brands);
        Map<String, String> owners = references.skuOwners(tenantId, skus);
        for (int i = 0; i < products.size(); i++) {
            ProductInput p = products.get(i);
            if (p == null) {
                continue;
            }
            String at = prefix.apply(i);
            if (categories.contains(p.category()) && !categoryIds.containsKey(p.category())) {
                errors.add(at + "category", "unknown_category", "category '" + p.category() + "' does not exist");
            }
            if (brands.contains(p.brand()) && !brandIds.containsKey(p.brand())) {
                errors.add(at + "brand", "unknown_brand", "brand '" + p.brand() + "' does not exist");
            }
            if (p.skus() == null || p.skus().size() > MAX_SKUS) {
                continue;
            }
            for (int j = 0; j < p.skus().size(); j++) {
                SkuInput s = p.skus().get(j);
                String owner = s == null ? null : owners.get(s.sku());
                if (owner != null && !owner.equals(p.code())) {
                    errors.add(
                            at + "skus[" + j + "].sku",
                            "sku_taken",
                            "SKU '" + s.sku() + "' belongs to product '" + owner + "'");
                }
            }
        }
    }

    private static void addIfCode(Set<String> set, String code) {
        if (code != null && InputRules.code(code) == null) {
            set.add(code);
        }
    }
}
