package io.magpie.promotion;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns (automatic promotions and coupon templates) and the rule types they may use. */
@RestController
@Tag(name = "Campaigns")
class CampaignsApi {

    private static final String EDITING = " While ACTIVE or PAUSED only the name, description, a later end, raised "
            + "limits (and coupon totals) and the customer list may change (409 unsafe_change lists the rest); "
            + "ENDED and ARCHIVED campaigns are read-only (409 campaign_read_only).";

    private final Campaigns campaigns;

    CampaignsApi(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Optional body of a lifecycle call: the version the caller saw. */
    record TransitionBody(Integer version) {}

    @PostMapping("/api/v1/campaigns")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Create a campaign (as a DRAFT)",
            description =
                    "Every problem is reported at once with its path (config.tiers[1].amount_off, "
                            + "schedule.windows[0].from, …) as 400 validation_failed, nothing is written. kind COUPON needs a "
                            + "coupon rule type and coupon settings; AUTOMATIC a non-coupon type. The time zone defaults to the "
                            + "tenant's. Audience PROVIDED needs an installed provider: 422 unknown_audience_provider. "
                            + "Limits {measure, per, period, max} become generic limits (budgets: DISCOUNT_AMOUNT per CAMPAIGN).")
    ResponseEntity<CampaignView> create(@RequestBody CampaignCommand body) {
        Actor actor = Tenancy.currentActor();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(campaigns.create(actor.tenantId(), actor.actorName(), body));
    }

    @GetMapping("/api/v1/campaigns")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(
            summary = "Campaigns, newest first",
            description = "state is the shown state (DRAFT, SCHEDULED, RUNNING, PAUSED, ENDED, ARCHIVED); q matches "
                    + "a part of the name. Cursor paging: pass next_cursor as cursor.")
    CursorPage<CampaignView> list(
            @RequestParam(required = false) CampaignState state,
            @RequestParam(required = false) CampaignKind kind,
            @RequestParam(name = "rule_type", required = false) String ruleType,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return campaigns.list(
                Tenancy.currentTenantId(), new Campaigns.Filter(state, kind, blank(ruleType), blank(q)), limit, cursor);
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "One campaign")
    CampaignView get(@PathVariable long id) {
        return campaigns.get(Tenancy.currentTenantId(), id);
    }

    @PutMapping("/api/v1/campaigns/{id}")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Replace a campaign",
            description = "The whole campaign with the version last read (409 version_conflict when someone changed "
                    + "it meanwhile). audience.customer_ids left out keeps the stored list." + EDITING)
    CampaignView update(@PathVariable long id, @RequestBody CampaignCommand body) {
        Actor actor = Tenancy.currentActor();
        return campaigns.update(actor.tenantId(), id, actor.actorName(), body);
    }

    @PostMapping("/api/v1/campaigns/{id}/{transition:publish|pause|resume|end|archive}")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Move a campaign through its lifecycle",
            description = "publish: DRAFT → ACTIVE (shown SCHEDULED or RUNNING by its schedule); pause: SCHEDULED/"
                    + "RUNNING → PAUSED; resume: PAUSED → ACTIVE; end: SCHEDULED/RUNNING/PAUSED → ENDED; archive: "
                    + "DRAFT/ENDED → ARCHIVED. Anything else is 409 illegal_transition. An optional body {\"version\": n} "
                    + "guards against acting on a stale view (409 version_conflict).")
    CampaignView transition(
            @PathVariable long id,
            @PathVariable String transition,
            @RequestBody(required = false) TransitionBody body) {
        Actor actor = Tenancy.currentActor();
        Campaigns.Transition t;
        try {
            t = Campaigns.Transition.valueOf(transition.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("transition", transition);
        }
        return campaigns.transition(actor.tenantId(), id, actor.actorName(), t, body == null ? null : body.version());
    }

    @GetMapping("/api/v1/rule-types")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(
            summary = "Rule types a campaign may use",
            description = "Each type's id, pipeline stage, the campaign kind it fits, and an example config "
                    + "(amounts in fen, percents in basis points off: 1500 = 15% off = 8.5折).")
    List<RuleTypeView> ruleTypes() {
        return campaigns.ruleTypes();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
