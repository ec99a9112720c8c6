package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product promotions and 到手价 for product and list pages. */
@RestController
@Tag(name = "Product promotions", description = "Badges, nudges and the best price of one unit, per SKU")
class ProductPromotionsApi {

    private final ProductPromotions promotions;

    ProductPromotionsApi(ProductPromotions promotions) {
        this.promotions = promotions;
    }

    /** A list page's question: up to 100 SKUs for one shopper. */
    record BatchRequest(List<String> skus, String customerId, String tier, String channel, String store) {}

    /** The SKUs found, in the order asked; SKUs not in the catalog are listed apart. */
    record BatchView(List<ProductPromotionsView> items, List<String> unknownSkus) {}

    @GetMapping("/api/v1/skus/{sku}/promotions")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Promotions and the estimated best price (到手价) of one SKU",
            description = "Running promotions and claimable coupon templates that could apply, with badges and"
                    + " nudges, and the best price of one unit with the assumptions it makes.")
    ProductPromotionsView one(
            @PathVariable String sku,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String store,
            Locale locale) {
        var viewer = viewer(customerId, tier, channel, store, new ArrayList<>());
        return promotions
                .of(Tenancy.currentTenantId(), sku, viewer, locale)
                .orElseThrow(() -> ProblemException.notFound("sku", sku));
    }

    @PostMapping("/api/v1/skus/promotions")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(summary = "Product promotions of up to 100 SKUs at once (list pages)")
    BatchView batch(@RequestBody BatchRequest body, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.skus() == null || body.skus().isEmpty()) {
            problems.add(new FieldProblem("skus", "required", "at least one SKU is required"));
        } else if (body.skus().size() > ProductPromotions.MAX_BATCH) {
            problems.add(new FieldProblem("skus", "too_many", "at most " + ProductPromotions.MAX_BATCH + " SKUs"));
        } else {
            for (int i = 0; i < body.skus().size(); i++) {
                String sku = body.skus().get(i);
                if (!CartEvaluationChecks.isSku(sku)) {
                    problems.add(new FieldProblem("skus[" + i + "]", "format", "a SKU code of 1..64 characters"));
                }
            }
        }
        var viewer = viewer(body.customerId(), body.tier(), body.channel(), body.store(), problems);
        long tenant = Tenancy.currentTenantId();
        List<ProductPromotionsView> items = promotions.of(tenant, body.skus(), viewer, locale);
        List<String> found = items.stream().map(ProductPromotionsView::sku).toList();
        return new BatchView(
                items,
                body.skus().stream().distinct().filter(s -> !found.contains(s)).toList());
    }

    private static ProductPromotions.Viewer viewer(
            String customerId, String tier, String channel, String store, List<FieldProblem> problems) {
        CartEvaluationChecks.text(customerId, "customer_id", 128, problems);
        CartEvaluationChecks.text(tier, "tier", 64, problems);
        CartEvaluationChecks.channel(channel, problems);
        CartEvaluationChecks.text(store, "store", 64, problems);
        if (!problems.isEmpty()) {
            throw CartEvaluationChecks.failed(problems);
        }
        return new ProductPromotions.Viewer(customerId, tier, channel, store);
    }
}
