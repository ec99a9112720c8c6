package io.magpie.promotion.web;

import io.magpie.platform.ConsoleMenuItem;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.PromotionSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant's stacking policy in the console: caps per stack group, free orders, one offer per line
 * (the same settings as {@code PUT /api/v1/promotion-settings}). Empty group rows are ignored, so an
 * operator removes a cap by clearing its row.
 */
@Controller
class StackingSettingsPage {

    /** Group rows shown: the existing caps plus this many empty ones to add new groups. */
    static final int EMPTY_ROWS = 3;

    private final PromotionSettings settings;

    StackingSettingsPage(PromotionSettings settings) {
        this.settings = settings;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        ConsoleMenuItem stackingSettingsMenuItem() {
            return ConsoleMenuItem.of(PromotionMenu.GROUP, 95, "/promotions/stacking", "nav.stacking", "layers");
        }
    }

    /** A row of the form. */
    record GroupRow(String group, Integer cap) {}

    @GetMapping("/promotions/stacking")
    String show(Model model) {
        if (!model.containsAttribute("rows")) {
            var view = settings.get(Tenancy.currentTenantId());
            List<GroupRow> rows = new java.util.ArrayList<>();
            view.groupCaps().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> rows.add(new GroupRow(e.getKey(), e.getValue())));
            for (int i = 0; i < EMPTY_ROWS; i++) {
                rows.add(new GroupRow("", null));
            }
            model.addAttribute("rows", rows);
            model.addAttribute("allowFreeOrders", view.allowFreeOrders());
            model.addAttribute("oneOfferPerLine", view.oneOfferPerLine());
        }
        return "promotion/stacking";
    }

    @PostMapping("/promotions/stacking")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String save(
            @RequestParam(name = "group", required = false) List<String> groups,
            @RequestParam(name = "cap", required = false) List<String> caps,
            @RequestParam(defaultValue = "false") boolean allowFreeOrders,
            @RequestParam(defaultValue = "false") boolean oneOfferPerLine,
            RedirectAttributes redirect) {
        Map<String, Integer> groupCaps = new LinkedHashMap<>();
        List<GroupRow> rows = new java.util.ArrayList<>();
        boolean invalid = false;
        int n = groups == null ? 0 : groups.size();
        for (int i = 0; i < n; i++) {
            String group = groups.get(i) == null ? "" : groups.get(i).strip();
            String capText = caps != null && i < caps.size() && caps.get(i) != null
                    ? caps.get(i).strip()
                    : "";
            Integer cap = null;
            try {
                cap = capText.isEmpty() ? null : Integer.valueOf(capText);
            } catch (NumberFormatException e) {
                invalid = true;
            }
            rows.add(new GroupRow(group, cap));
            if (group.isEmpty() && capText.isEmpty()) {
                continue;
            }
            invalid |= groupCaps.containsKey(group);
            groupCaps.put(group, cap == null ? 0 : cap);
        }
        try {
            if (invalid) {
                throw ProblemException.invalidField(
                        "group_caps", "invalid_value", "a cap is a whole number and each group appears once");
            }
            settings.replace(
                    Tenancy.currentTenantId(),
                    Tenancy.currentActor().actorName(),
                    new PromotionSettings.Command(groupCaps, allowFreeOrders, oneOfferPerLine));
            redirect.addFlashAttribute("saved", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute(
                    "problems",
                    e.fieldProblems().stream().map(p -> p.message()).distinct().toList());
            redirect.addFlashAttribute("rows", rows);
            redirect.addFlashAttribute("allowFreeOrders", allowFreeOrders);
            redirect.addFlashAttribute("oneOfferPerLine", oneOfferPerLine);
        }
        return "redirect:/promotions/stacking";
    }
}
