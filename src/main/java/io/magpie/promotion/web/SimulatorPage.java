package io.magpie.promotion.web;

import io.magpie.commerce.SkuFacts;
import io.magpie.commerce.SkuLookup;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CartEvaluation;
import io.magpie.promotion.CartEvaluationRequest;
import io.magpie.promotion.CartEvaluationView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cart simulator: an operator picks products, quantities, a customer and coupon codes and sees how
 * the running promotions price the cart — lines, each promotion's share, totals, gifts, and every
 * candidate with its reason. Each change posts the form and htmx swaps the workspace.
 */
@Controller
class SimulatorPage {

    static final int MAX_SEARCH = 8;

    private final CartEvaluation evaluation;
    private final SkuLookup skus;
    private final Clock clock;

    SimulatorPage(CartEvaluation evaluation, SkuLookup skus, Clock clock) {
        this.evaluation = evaluation;
        this.skus = skus;
        this.clock = clock;
    }

    @GetMapping("/promotions/simulator")
    String page(Model model) {
        model.addAttribute("form", SimulatorForm.empty());
        return "promotion/simulator";
    }

    @GetMapping("/promotions/simulator/skus")
    String search(@RequestParam(required = false) String q, Model model) {
        List<SkuFacts> found =
                q == null || q.isBlank() ? List.of() : skus.search(Tenancy.currentTenantId(), q, MAX_SEARCH);
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        return "promotion/simulator :: skus";
    }

    @PostMapping("/promotions/simulator")
    String evaluate(
            @RequestParam(name = "line_sku", required = false) List<String> lineSkus,
            @RequestParam(name = "line_name", required = false) List<String> lineNames,
            @RequestParam(name = "line_qty", required = false) List<String> lineQuantities,
            @RequestParam(name = "line_price", required = false) List<String> linePrices,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) Integer remove,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String codes,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String freight,
            Locale locale,
            Model model) {
        long tenant = Tenancy.currentTenantId();
        List<SimulatorForm.Line> lines = new ArrayList<>();
        int n = lineSkus == null ? 0 : lineSkus.size();
        for (int i = 0; i < n; i++) {
            if (remove != null && remove == i) {
                continue;
            }
            lines.add(new SimulatorForm.Line(
                    lineSkus.get(i), at(lineNames, i), at(lineQuantities, i), at(linePrices, i)));
        }
        if (add != null && !add.isBlank()) {
            add(tenant, add.strip(), lines);
        }
        var form = new SimulatorForm(lines, customerId, tier, attributes, codes, channel, store, freight);
        model.addAttribute("form", form);
        if (!lines.isEmpty()) {
            List<String> unreadable = new ArrayList<>();
            CartEvaluationRequest request = form.request(clock.instant(), unreadable);
            if (request == null) {
                model.addAttribute("unreadable", unreadable);
            } else {
                try {
                    CartEvaluationView result = evaluation.evaluate(tenant, request, locale);
                    model.addAttribute("result", result);
                    model.addAttribute("names", names(result));
                } catch (ProblemException e) {
                    model.addAttribute("problems", e.fieldProblems().isEmpty() ? List.of() : e.fieldProblems());
                    model.addAttribute("problem", e.getMessage());
                }
            }
        }
        return "promotion/simulator :: workspace";
    }

    /** Adds one unit of {@code sku}: another unit on its line, or a new line at the catalog price. */
    private void add(long tenant, String sku, List<SimulatorForm.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            SimulatorForm.Line l = lines.get(i);
            if (l.sku().equals(sku)) {
                long quantity;
                try {
                    quantity = Long.parseLong(l.quantity().strip()) + 1;
                } catch (RuntimeException e) {
                    quantity = 1;
                }
                lines.set(i, new SimulatorForm.Line(l.sku(), l.name(), String.valueOf(quantity), l.price()));
                return;
            }
        }
        skus.find(tenant, sku)
                .ifPresent(
                        f -> lines.add(new SimulatorForm.Line(f.sku(), f.name(), "1", SimulatorForm.yuan(f.price()))));
    }

    /** Campaign names by id, for the allocation chips. */
    private static Map<Long, String> names(CartEvaluationView result) {
        Map<Long, String> names = new HashMap<>();
        result.candidates().forEach(c -> {
            if (c.campaignId() != null && c.name() != null) {
                names.putIfAbsent(c.campaignId(), c.name());
            }
        });
        return names;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }
}
