package io.magpie.promotion.web;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CampaignKind;
import io.magpie.promotion.Campaigns;
import io.magpie.promotion.RuleTypeView;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the campaign pages share: the tenant, rule type cards, localized problems. */
@Component
class CampaignPageSupport {

    /** Rule types in the order the builder offers them, with the icon of their card. */
    static final Map<String, String> ICONS = new LinkedHashMap<>();

    static {
        ICONS.put("THRESHOLD_AMOUNT_OFF", "tag");
        ICONS.put("EVERY_AMOUNT_OFF", "rotate");
        ICONS.put("THRESHOLD_PERCENT_OFF", "percent");
        ICONS.put("THRESHOLD_GIFT", "gift");
        ICONS.put("BUY_X_GET_Y", "cart");
        ICONS.put("ANY_N_FOR_PRICE", "layers");
        ICONS.put("LIMITED_TIME_PRICE", "clock");
        ICONS.put("MEMBER_PRICE", "star");
        ICONS.put("TRIAL_PRICE", "compass");
        ICONS.put("ACTIVITY_PRICE", "zap");
        ICONS.put("FREE_SHIPPING", "package");
        ICONS.put("AMOUNT_OFF", "wallet");
        ICONS.put("PERCENT_OFF", "percent");
        ICONS.put("COUPON_FIXED", "ticket");
        ICONS.put("COUPON_PERCENT", "percent");
        ICONS.put("COUPON_THRESHOLD", "tag");
        ICONS.put("COUPON_FREE_SHIPPING", "package");
        ICONS.put("CASH_VOUCHER", "wallet");
    }

    /** A rule type card. */
    record TypeCard(String id, String kind, String icon) {}

    private final Tenants tenants;
    private final Campaigns campaigns;
    private final MessageSource messages;

    CampaignPageSupport(Tenants tenants, Campaigns campaigns, MessageSource messages) {
        this.tenants = tenants;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    TenantView tenant(Model model) {
        TenantView tenant = tenants.get(Tenancy.currentTenantId());
        model.addAttribute("currency", tenant.currency());
        model.addAttribute("zone", tenant.timeZone());
        return tenant;
    }

    List<TypeCard> cards() {
        Map<String, CampaignKind> kinds = new LinkedHashMap<>();
        for (RuleTypeView t : campaigns.ruleTypes()) {
            kinds.put(t.id(), t.kind());
        }
        List<TypeCard> cards = new ArrayList<>();
        ICONS.forEach((id, icon) -> {
            if (kinds.containsKey(id)) {
                cards.add(new TypeCard(id, kinds.get(id).name(), icon));
            }
        });
        return cards;
    }

    /** Problems by form path, each message in the user's language (the API's English text otherwise). */
    Map<String, List<String>> errors(List<FieldProblem> problems, Map<String, Integer> skuRows, Locale locale) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String path = CampaignForm.formPath(p.field(), skuRows);
            List<String> list = errors.computeIfAbsent(path, k -> new ArrayList<>());
            if (list.isEmpty()) {
                list.add(message(p, locale));
            }
        }
        return errors;
    }

    String message(FieldProblem p, Locale locale) {
        String key = "promotion.error." + p.code();
        if (p.field().endsWith("_bp") && p.code().equals("out_of_range")) {
            key = "promotion.error.percent_range";
        }
        return messages.getMessage(key, null, p.message(), locale);
    }

    /** The message of a problem without field problems (a conflict, an illegal transition). */
    String message(ProblemException e, Locale locale) {
        return messages.getMessage("promotion.problem." + e.code(), null, e.getMessage(), locale);
    }
}
