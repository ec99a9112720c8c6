package io.magpie.promotion.web;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CampaignKind;
import io.magpie.promotion.CampaignState;
import io.magpie.promotion.CampaignView;
import io.magpie.promotion.Campaigns;
import io.magpie.promotion.LimitCounters;
import io.magpie.promotion.LimitScope;
import io.magpie.tenant.TenantView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The campaign list (state, kind, search as you type, paging), one campaign, and its lifecycle buttons. */
@Controller
class CampaignPages {

    static final int PAGE = 25;

    private final Campaigns campaigns;
    private final LimitCounters counters;
    private final CampaignPageSupport support;
    private final Clock clock;

    CampaignPages(Campaigns campaigns, LimitCounters counters, CampaignPageSupport support, Clock clock) {
        this.campaigns = campaigns;
        this.counters = counters;
        this.support = support;
        this.clock = clock;
    }

    /** A limit with what is used of it now (null when it counts per customer, store or device). */
    record LimitUsage(CampaignView.Limit limit, Long used, int percent) {}

    @GetMapping("/campaigns")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String hx,
            Model model,
            HttpServletResponse response) {
        TenantView tenant = support.tenant(model);
        CampaignState s = parse(CampaignState.class, state);
        CampaignKind k = parse(CampaignKind.class, kind);
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > 200) {
            query = query.substring(0, 200);
        }
        CursorPage<CampaignView> page;
        try {
            page = campaigns.list(tenant.id(), new Campaigns.Filter(s, k, null, query), PAGE, cursor);
        } catch (ProblemException e) {
            page = campaigns.list(tenant.id(), new Campaigns.Filter(s, k, null, query), PAGE, null);
            cursor = null;
        }
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("q", query);
        model.addAttribute("page", page);
        model.addAttribute("states", CampaignState.values());
        model.addAttribute("filtered", s != null || k != null || query != null);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : url("cursor", page.nextCursor()));
        model.addAttribute("firstUrl", cursor == null || cursor.isBlank() ? null : url("cursor", null));
        response.addHeader("Vary", "HX-Request");
        return "true".equals(hx) ? "promotion/campaigns :: results" : "promotion/campaigns";
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        TenantView tenant = support.tenant(model);
        CampaignView view = campaigns.get(tenant.id(), id);
        Instant now = clock.instant();
        List<LimitUsage> limits = view.limits().stream()
                .map(l -> {
                    if (l.per() != LimitScope.CAMPAIGN) {
                        return new LimitUsage(l, null, 0);
                    }
                    // the subject order reservations count a per-campaign limit under (RedemptionLimits)
                    long used = counters.used(tenant.id(), l.id(), "campaign:" + id, now);
                    int percent = l.max() == 0 ? 100 : (int) Math.min(100, used * 100 / l.max());
                    return new LimitUsage(l, used, percent);
                })
                .toList();
        model.addAttribute("c", view);
        model.addAttribute("campaignZone", java.time.ZoneId.of(view.schedule().timeZone()));
        model.addAttribute("limits", limits);
        model.addAttribute(
                "transitions",
                Campaigns.allowed(view.state()).stream()
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute("editable", view.state() != CampaignState.ENDED && view.state() != CampaignState.ARCHIVED);
        model.addAttribute("rows", CampaignDetails.rows(view));
        return "promotion/campaigns-detail";
    }

    @PostMapping("/campaigns/{id}/{transition:publish|pause|resume|end|archive}")
    @PreAuthorize("hasAnyRole('OWNER','OPERATOR')")
    String transition(
            @PathVariable long id,
            @PathVariable String transition,
            @RequestParam(required = false) Integer version,
            Locale locale,
            RedirectAttributes redirect) {
        Actor actor = Tenancy.currentActor();
        try {
            campaigns.transition(
                    actor.tenantId(),
                    id,
                    actor.actorName(),
                    Campaigns.Transition.valueOf(transition.toUpperCase(Locale.ROOT)),
                    version);
            redirect.addFlashAttribute("notice", "promotion.notice." + transition);
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", support.message(e, locale));
        }
        return "redirect:/campaigns/" + id;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String url(String param, String value) {
        if (value == null && param.equals("cursor")) {
            return ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor")
                    .build()
                    .toUriString()
                    .replaceFirst("^[a-z]+://[^/]+", "");
        }
        if (value == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam(param, value)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }
}
