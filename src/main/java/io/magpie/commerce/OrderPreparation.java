package io.magpie.commerce;

import io.magpie.commerce.OrderCatalog.SkuRef;
import io.magpie.commerce.OrderPricing.Priced;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Resolves what checked orders refer to (currency, store, SKUs: one query per kind for the whole
 * batch) and prices them, collecting every problem with its JSON path.
 */
@Component
class OrderPreparation {

    /** A problem of one order; {@code field} is its full JSON path, {@code value} the offending value. */
    record Issue(HttpStatus status, String code, String field, String message, String value) {}

    /** The orders that passed and the problems of those that did not. */
    record Result(List<PreparedOrder> orders, List<Issue> issues) {}

    private final OrderCatalog catalog;

    OrderPreparation(OrderCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code paths.get(i)} prefixes the fields of {@code drafts.get(i)} ("" for a single order). */
    Result prepare(
            long tenantId,
            String currency,
            List<OrderDraft> drafts,
            List<String> hashes,
            List<String> paths,
            Instant now) {
        Set<String> storeCodes = new HashSet<>();
        Set<String> skuCodes = new HashSet<>();
        for (OrderDraft d : drafts) {
            if (d.store() != null) {
                storeCodes.add(d.store());
            }
            d.lines().forEach(l -> skuCodes.add(l.sku()));
        }
        Map<String, Long> stores = catalog.stores(tenantId, storeCodes);
        Map<String, SkuRef> skus = catalog.skus(tenantId, skuCodes);
        Instant defaultOrderedAt = now.truncatedTo(ChronoUnit.MICROS);
        List<PreparedOrder> prepared = new ArrayList<>(drafts.size());
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            OrderDraft d = drafts.get(i);
            String p = paths.get(i).isEmpty() ? "" : paths.get(i) + ".";
            int before = issues.size();
            if (d.currency() != null && !d.currency().equals(currency)) {
                issues.add(unprocessable(
                        "currency_mismatch",
                        p + "currency",
                        "must be the tenant's currency " + currency,
                        d.currency()));
            }
            Long storeId = d.store() == null ? null : stores.get(d.store());
            if (d.store() != null && storeId == null) {
                issues.add(unprocessable(
                        "unknown_store", p + "store", "no store with code '" + d.store() + "'", d.store()));
            }
            List<SkuRef> refs = new ArrayList<>(d.lines().size());
            for (int k = 0; k < d.lines().size(); k++) {
                String sku = d.lines().get(k).sku();
                SkuRef ref = skus.get(sku);
                if (ref == null) {
                    issues.add(unprocessable(
                            "unknown_sku", p + "lines[" + k + "].sku", "no SKU with code '" + sku + "'", sku));
                }
                refs.add(ref);
            }
            Priced priced = null;
            try {
                priced = OrderPricing.price(d.lines(), d.discount(), d.freight());
            } catch (OrderPricing.Rejected r) {
                issues.add(new Issue(r.status, r.code, p + r.field, r.getMessage(), null));
            }
            OrderPromotionChecks.fit(d, p, issues);
            if (issues.size() == before) {
                Instant orderedAt = d.orderedAt() == null ? defaultOrderedAt : d.orderedAt();
                prepared.add(new PreparedOrder(d, hashes.get(i), orderedAt, storeId, refs, priced));
            }
        }
        return new Result(prepared, issues);
    }

    /**
     * The 4xx for the issues of a single order: every issue of the first kind found, under that
     * kind's code, so {@code unknown_sku} lists all the unknown codes at once. Problems of the applied
     * promotions come all together, under {@code invalid_promotions} when they are of several kinds.
     */
    static ProblemException single(List<Issue> issues) {
        Issue first = issues.get(0);
        if (OrderPromotionChecks.CODES.contains(first.code())) {
            List<Issue> promotions = issues.stream()
                    .filter(i -> OrderPromotionChecks.CODES.contains(i.code()))
                    .toList();
            boolean oneKind = promotions.stream().allMatch(i -> i.code().equals(first.code()));
            String detail = promotions.stream()
                    .limit(10)
                    .map(i -> i.field() + ": " + i.message())
                    .collect(Collectors.joining("; "));
            return new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    oneKind ? first.code() : "invalid_promotions",
                    detail,
                    fieldProblems(promotions));
        }
        List<Issue> same =
                issues.stream().filter(i -> i.code().equals(first.code())).toList();
        String detail = first.code().equals("unknown_sku")
                ? "unknown SKU codes: "
                        + same.stream().map(Issue::value).distinct().collect(Collectors.joining(", "))
                : first.message();
        return new ProblemException(first.status(), first.code(), detail, fieldProblems(same));
    }

    /** A bulk request answers every issue as a 400 by path, as it validates all orders before writing. */
    static ProblemException bulk(List<Issue> issues) {
        return OrderChecks.invalid(fieldProblems(issues));
    }

    private static List<FieldProblem> fieldProblems(List<Issue> issues) {
        return issues.stream()
                .map(i -> new FieldProblem(i.field(), i.code(), i.message()))
                .toList();
    }

    private static Issue unprocessable(String code, String field, String message, String value) {
        return new Issue(HttpStatus.UNPROCESSABLE_CONTENT, code, field, message, value);
    }
}
