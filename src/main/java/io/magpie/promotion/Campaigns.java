package io.magpie.promotion;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.promotion.CampaignValidation.LimitSpec;
import io.magpie.promotion.CampaignValidation.Validated;
import io.magpie.promotion.pricing.RuleRegistry;
import io.magpie.promotion.pricing.Stage;
import io.magpie.tenant.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits, lists and moves campaigns through their lifecycle: DRAFT → (publish) ACTIVE, shown
 * SCHEDULED or RUNNING by its schedule → (pause) PAUSED → (resume) ACTIVE → (end) ENDED → (archive)
 * ARCHIVED. Every change is validated completely first, written in one transaction with its audit
 * entry, and announced as {@link CampaignChanged}. See {@link CampaignEditRules} for what may change
 * once published.
 */
@Service
public class Campaigns {

    static final RuleRegistry RULES = RuleRegistry.standard();

    /** The operator's lifecycle moves. */
    public enum Transition {
        PUBLISH,
        PAUSE,
        RESUME,
        END,
        ARCHIVE
    }

    /** List filters; null means any. */
    public record Filter(CampaignState state, CampaignKind kind, String ruleType, String q) {}

    private final CampaignRows rows;
    private final CampaignStore store;
    private final CampaignValidation validation;
    private final Limits limits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(
            CampaignRows rows,
            CampaignStore store,
            CampaignValidation validation,
            Limits limits,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.store = store;
        this.validation = validation;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(long tenantId, String actor, CampaignCommand command) {
        Validated v = validation.check(tenantId, command, false);
        Instant now = clock.instant();
        Campaign c = v.campaign();
        long id = rows.insert(copy(c, 0, tenantId, CampaignStatus.DRAFT, 0, 1, actor, now, now));
        for (LimitSpec l : v.limits()) {
            LimitDefinition d = limits.define(tenantId, l.measure(), l.per(), l.period(), l.max());
            rows.linkLimit(tenantId, id, d.id());
        }
        if (v.customerIds() != null && !v.customerIds().isEmpty()) {
            rows.replaceAudienceCustomers(tenantId, id, v.customerIds());
        }
        CampaignView view = view(tenantId, id);
        audit.record(tenantId, actor, "campaign.created", "campaign", id, null, view);
        events.publishEvent(new CampaignChanged(tenantId, id));
        return view;
    }

    /**
     * Checks {@code command} as {@link #create} ({@code existing} false) or {@link #update} would, without
     * writing anything; throws the same problem.
     */
    public void validate(long tenantId, CampaignCommand command, boolean existing) {
        validation.check(tenantId, command, existing);
    }

    /**
     * Replaces the campaign with {@code command}. {@code command.version()} must be the stored version.
     * DRAFT: anything; ACTIVE/PAUSED: only safe changes (409 {@code unsafe_change}); ENDED/ARCHIVED: 409
     * {@code campaign_read_only}.
     */
    @Transactional
    public CampaignView update(long tenantId, long id, String actor, CampaignCommand command) {
        Campaign was = rows.find(tenantId, id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        if (command.version() == null) {
            throw ProblemException.invalidField("version", "required", "version is required to update a campaign");
        }
        if (was.status() == CampaignStatus.ENDED || was.status() == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict(
                    "campaign_read_only", "campaign " + id + " is " + was.status() + " and can no longer be changed");
        }
        if (command.version() != was.version()) {
            throw versionConflict(id, command.version(), was.version());
        }
        CampaignView before = view(was, tenantId);
        Validated v = validation.check(tenantId, command, true);
        List<CampaignLimit> wasLimits = rows.limits(tenantId, id);
        if (was.status() != CampaignStatus.DRAFT) {
            CampaignEditRules.checkPublished(was, wasLimits, v.campaign(), v.limits());
        }
        Instant now = clock.instant();
        Campaign next = copy(
                v.campaign(),
                id,
                tenantId,
                was.status(),
                was.issuedCount(),
                was.version(),
                was.createdBy(),
                was.createdAt(),
                now);
        if (!rows.update(next)) {
            throw versionConflict(id, command.version(), -1);
        }
        syncLimits(tenantId, id, wasLimits, v.limits());
        if (next.audience().kind() != Campaign.Audience.Kind.CUSTOMERS) {
            rows.replaceAudienceCustomers(tenantId, id, List.of());
        } else if (v.customerIds() != null) {
            rows.replaceAudienceCustomers(tenantId, id, v.customerIds());
        }
        CampaignView after = view(tenantId, id);
        audit.record(tenantId, actor, "campaign.updated", "campaign", id, before, after);
        events.publishEvent(new CampaignChanged(tenantId, id));
        return after;
    }

    /**
     * Moves the campaign through its lifecycle; 409 {@code illegal_transition} when the move does not
     * apply to its current state. {@code expectedVersion} (optional) guards against acting on a stale view.
     */
    @Transactional
    public CampaignView transition(
            long tenantId, long id, String actor, Transition transition, Integer expectedVersion) {
        Campaign was = rows.find(tenantId, id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        if (expectedVersion != null && expectedVersion != was.version()) {
            throw versionConflict(id, expectedVersion, was.version());
        }
        Instant now = clock.instant();
        CampaignState state = was.state(now);
        CampaignStatus target = switch (transition) {
            case PUBLISH -> {
                require(was.status() == CampaignStatus.DRAFT, transition, state, "only a DRAFT can be published");
                if (was.schedule().endsAt() != null
                        && !now.isBefore(was.schedule().endsAt())) {
                    throw ProblemException.conflict(
                            "illegal_transition",
                            "cannot publish campaign " + id + ": its schedule ended at "
                                    + was.schedule().endsAt() + "; move the end first");
                }
                yield CampaignStatus.ACTIVE;
            }
            case PAUSE -> {
                require(
                        state == CampaignState.SCHEDULED || state == CampaignState.RUNNING,
                        transition,
                        state,
                        "only a SCHEDULED or RUNNING campaign can be paused");
                yield CampaignStatus.PAUSED;
            }
            case RESUME -> {
                require(
                        was.status() == CampaignStatus.PAUSED,
                        transition,
                        state,
                        "only a PAUSED campaign can be resumed");
                yield CampaignStatus.ACTIVE;
            }
            case END -> {
                require(
                        state == CampaignState.SCHEDULED
                                || state == CampaignState.RUNNING
                                || state == CampaignState.PAUSED,
                        transition,
                        state,
                        "only a SCHEDULED, RUNNING or PAUSED campaign can be ended");
                yield CampaignStatus.ENDED;
            }
            case ARCHIVE -> {
                require(
                        state == CampaignState.DRAFT || state == CampaignState.ENDED,
                        transition,
                        state,
                        "only a DRAFT or ENDED campaign can be archived");
                yield CampaignStatus.ARCHIVED;
            }
        };
        CampaignView before = view(was, tenantId);
        Campaign next = copy(
                was, id, tenantId, target, was.issuedCount(), was.version(), was.createdBy(), was.createdAt(), now);
        if (!rows.update(next)) {
            throw versionConflict(id, was.version(), -1);
        }
        CampaignView after = view(tenantId, id);
        String action = switch (transition) {
            case PUBLISH -> "campaign.published";
            case PAUSE -> "campaign.paused";
            case RESUME -> "campaign.resumed";
            case END -> "campaign.ended";
            case ARCHIVE -> "campaign.archived";
        };
        audit.record(tenantId, actor, action, "campaign", id, before, after);
        events.publishEvent(new CampaignChanged(tenantId, id));
        return after;
    }

    /** Which transitions apply to a campaign in {@code state} (for console buttons). */
    public static List<Transition> allowed(CampaignState state) {
        return switch (state) {
            case DRAFT -> List.of(Transition.PUBLISH, Transition.ARCHIVE);
            case SCHEDULED, RUNNING -> List.of(Transition.PAUSE, Transition.END);
            case PAUSED -> List.of(Transition.RESUME, Transition.END);
            case ENDED -> List.of(Transition.ARCHIVE);
            case ARCHIVED -> List.of();
        };
    }

    public CampaignView get(long tenantId, long id) {
        return find(tenantId, id)
                .map(c -> view(c, tenantId))
                .orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    /**
     * The stored campaign in any status, drafts included — the hook for evaluating a draft by id
     * before it is published.
     */
    public Optional<Campaign> find(long tenantId, long id) {
        return rows.find(tenantId, id);
    }

    /** The limits linked to a campaign. */
    public List<CampaignLimit> limits(long tenantId, long id) {
        return rows.limits(tenantId, id);
    }

    public CursorPage<CampaignView> list(long tenantId, Filter filter, Integer limit, String cursor) {
        int n = CursorPage.limit(limit);
        if (filter.q() != null && filter.q().length() > CampaignValidation.MAX_NAME) {
            throw ProblemException.invalidField(
                    "q", "too_long", "q is at most " + CampaignValidation.MAX_NAME + " characters");
        }
        if (filter.ruleType() != null && RULES.find(filter.ruleType()).isEmpty()) {
            throw ProblemException.invalidField(
                    "rule_type", "unknown_rule_type", "unknown rule type '" + filter.ruleType() + "'");
        }
        Instant now = clock.instant();
        CursorPage<Campaign> page = store.list(
                tenantId,
                new CampaignStore.Filter(filter.state(), filter.kind(), filter.ruleType(), filter.q()),
                now,
                n,
                cursor);
        return new CursorPage<>(
                page.items().stream()
                        .map(c -> CampaignView.of(
                                c, rows.limits(tenantId, c.id()), store.audienceCount(tenantId, c.id()), now))
                        .toList(),
                page.nextCursor());
    }

    /** Every rule type with its stage, the kind it fits and an example config. */
    public List<RuleTypeView> ruleTypes() {
        return RuleConfigs.types().stream()
                .map(id -> RULES.find(id)
                        .map(t -> new RuleTypeView(
                                id,
                                t.stage(),
                                t.stage() == Stage.COUPON ? CampaignKind.COUPON : CampaignKind.AUTOMATIC,
                                RuleTypeExamples.of(id)))
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private void syncLimits(long tenantId, long id, List<CampaignLimit> was, List<LimitSpec> now) {
        Map<String, LimitDefinition> existing = new HashMap<>();
        was.forEach(l -> existing.put(CampaignEditRules.key(l.limit()), l.limit()));
        for (LimitSpec l : now) {
            LimitDefinition d = existing.remove(l.key());
            if (d == null) {
                rows.linkLimit(
                        tenantId,
                        id,
                        limits.define(tenantId, l.measure(), l.per(), l.period(), l.max())
                                .id());
            } else if (d.maxAmount() != l.max()) {
                store.changeMax(tenantId, d.id(), l.max());
            }
        }
        existing.values().forEach(d -> store.unlink(tenantId, id, d.id()));
    }

    private CampaignView view(long tenantId, long id) {
        return view(rows.find(tenantId, id).orElseThrow(), tenantId);
    }

    private CampaignView view(Campaign c, long tenantId) {
        return CampaignView.of(
                c, rows.limits(tenantId, c.id()), store.audienceCount(tenantId, c.id()), clock.instant());
    }

    private static void require(boolean ok, Transition t, CampaignState state, String rule) {
        if (!ok) {
            throw ProblemException.conflict(
                    "illegal_transition",
                    "cannot " + t.name().toLowerCase() + " a campaign that is " + state + "; " + rule);
        }
    }

    private static ProblemException versionConflict(long id, int given, int stored) {
        return ProblemException.conflict(
                "version_conflict",
                "campaign " + id + " was changed by someone else (you sent version " + given
                        + (stored >= 0 ? ", it is now " + stored : "") + "); reload it and apply your change again");
    }

    private static Campaign copy(
            Campaign c,
            long id,
            long tenantId,
            CampaignStatus status,
            int issued,
            int version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {
        return new Campaign(
                id,
                tenantId,
                c.name(),
                c.description(),
                c.kind(),
                c.ruleType(),
                c.config(),
                status,
                c.priority(),
                c.stacking(),
                c.stackGroup(),
                c.percentBase(),
                c.schedule(),
                c.audience(),
                c.scope(),
                c.tiers(),
                c.channels(),
                c.stores(),
                c.refundPolicy(),
                c.coupon(),
                issued,
                version,
                createdBy,
                createdAt,
                updatedAt);
    }
}
