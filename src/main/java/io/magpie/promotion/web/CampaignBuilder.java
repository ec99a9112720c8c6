package io.magpie.promotion.web;

import io.magpie.platform.Actor;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CampaignState;
import io.magpie.promotion.CampaignView;
import io.magpie.promotion.Campaigns;
import io.magpie.tenant.TenantView;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The campaign builder (new and edit): one page in steps whose state Alpine keeps as the campaign
 * JSON in console units; the form posts it as {@code payload}, this controller converts it with
 * {@link CampaignForm} into the API's command and on any problem shows the page again with what the
 * user typed and every message next to its field.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
class CampaignBuilder {

    static final List<String> ZONES = List.of(
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Taipei",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Asia/Seoul",
            "Europe/Berlin",
            "Europe/London",
            "America/New_York",
            "America/Los_Angeles",
            "UTC");

    private final Campaigns campaigns;
    private final CampaignPageSupport support;

    CampaignBuilder(Campaigns campaigns, CampaignPageSupport support) {
        this.campaigns = campaigns;
        this.support = support;
    }

    @GetMapping("/campaigns/new")
    String create(@RequestParam(required = false) String kind, Model model) {
        TenantView tenant = support.tenant(model);
        return page(model, null, CampaignForm.blank(kind, tenant.timeZone()), Map.of(), null);
    }

    @GetMapping("/campaigns/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TenantView tenant = support.tenant(model);
        CampaignView view = campaigns.get(tenant.id(), id);
        if (view.state() == CampaignState.ENDED || view.state() == CampaignState.ARCHIVED) {
            return "redirect:/campaigns/" + id;
        }
        return page(model, view, CampaignForm.of(view), Map.of(), null);
    }

    @PostMapping("/campaigns/new")
    String submitNew(
            @RequestParam(defaultValue = "{}") String payload,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        return submit(null, payload, locale, model, redirect);
    }

    @PostMapping("/campaigns/{id}/edit")
    String submitEdit(
            @PathVariable long id,
            @RequestParam(defaultValue = "{}") String payload,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        return submit(id, payload, locale, model, redirect);
    }

    private String submit(Long id, String payload, Locale locale, Model model, RedirectAttributes redirect) {
        TenantView tenant = support.tenant(model);
        Actor actor = Tenancy.currentActor();
        CampaignView existing = id == null ? null : campaigns.get(tenant.id(), id);
        JsonNode form;
        try {
            form = CampaignForm.JSON.readTree(payload);
        } catch (JacksonException e) {
            form = null;
        }
        if (form == null || !form.isObject()) {
            throw ProblemException.badRequest("invalid_form", "the builder's form could not be read");
        }
        CampaignForm.Converted converted = CampaignForm.toCommand(form, tenant.timeZone());
        List<FieldProblem> problems = new ArrayList<>(converted.problems());
        String summary = null;
        try {
            if (!problems.isEmpty()) {
                campaigns.validate(tenant.id(), converted.command(), existing != null);
            } else {
                CampaignView saved = existing == null
                        ? campaigns.create(tenant.id(), actor.actorName(), converted.command())
                        : campaigns.update(tenant.id(), id, actor.actorName(), converted.command());
                redirect.addFlashAttribute(
                        "notice", existing == null ? "promotion.notice.created" : "promotion.notice.saved");
                return "redirect:/campaigns/" + saved.id();
            }
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            var seen = new TreeSet<String>();
            problems.forEach(p -> seen.add(p.field()));
            // a field that could not be read is reported once, as the console's problem
            e.fieldProblems().stream().filter(p -> !seen.contains(p.field())).forEach(problems::add);
            if (e.fieldProblems().isEmpty() || e.status() == HttpStatus.CONFLICT) {
                summary = support.message(e, locale);
            }
        }
        Map<String, List<String>> errors = support.errors(problems, converted.skuRows(), locale);
        model.addAttribute("submitted", true);
        return page(model, existing, (ObjectNode) form, errors, summary);
    }

    private String page(
            Model model, CampaignView existing, ObjectNode form, Map<String, List<String>> errors, String summary) {
        var data = new LinkedHashMap<String, Object>();
        data.put("form", form);
        data.put("errors", errors);
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", false);
        }
        model.addAttribute("existing", existing);
        model.addAttribute("published", existing != null && existing.state() != CampaignState.DRAFT);
        model.addAttribute(
                "builderJson", CampaignForm.JSON.writeValueAsString(data).replace("<", "\\u003c"));
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("cards", support.cards());
        String zone = form.path("schedule").path("time_zone").asString("");
        var zones = new ArrayList<>(ZONES);
        if (!zone.isBlank()
                && !zones.contains(zone)
                && ZoneId.getAvailableZoneIds().contains(zone)) {
            zones.add(0, zone);
        }
        model.addAttribute("zones", zones);
        return "promotion/campaigns-builder";
    }
}
