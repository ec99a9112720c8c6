package io.magpie.promotion;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.magpie.promotion.pricing.Promotion;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Per tenant, an in-memory snapshot of the campaigns that may apply (ACTIVE or PAUSED, not ended) as
 * engine promotions with their limits, so pricing a cart does not read campaigns from the database.
 * A {@link CampaignChanged} drops the tenant's snapshot on this node at once; every snapshot is also
 * reloaded in the background after {@code magpie.promotion.live-campaigns.ttl} (5 s) so that changes
 * made on other nodes converge, and is never served older than twice that.
 */
@Component
class LiveCampaigns {

    private final CampaignRows campaigns;
    private final LiveCampaignRows rows;
    private final Clock clock;
    private final LoadingCache<Long, Snapshot> cache;

    LiveCampaigns(
            CampaignRows campaigns,
            LiveCampaignRows rows,
            Clock clock,
            @Value("${magpie.promotion.live-campaigns.ttl:5s}") Duration ttl) {
        this.campaigns = campaigns;
        this.rows = rows;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(ttl)
                .expireAfterWrite(ttl.multipliedBy(2))
                .maximumSize(10_000)
                .build(this::load);
    }

    /** The tenant's live campaigns, loading them when this node has no fresh snapshot. */
    Snapshot of(long tenantId) {
        return cache.get(tenantId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CampaignChanged changed) {
        cache.invalidate(changed.tenantId());
    }

    /** Drops the tenant's snapshot (tests and callers that wrote campaigns without an event). */
    void refresh(long tenantId) {
        cache.invalidate(tenantId);
    }

    private Snapshot load(long tenantId) {
        List<Campaign> live = campaigns.live(tenantId, clock.instant());
        Map<Long, List<LimitDefinition>> limits =
                rows.limits(tenantId, live.stream().map(Campaign::id).toList());
        return Snapshot.of(live, limits);
    }

    /** One campaign ready for the engine. */
    record LiveCampaign(Campaign campaign, Promotion promotion, List<LimitDefinition> limits) {

        static LiveCampaign of(Campaign campaign, List<LimitDefinition> limits) {
            return new LiveCampaign(campaign, campaign.toPromotion(), List.copyOf(limits));
        }

        /** Whether anything beyond the engine's own checks must be looked at per request. */
        boolean needsChecks() {
            Campaign c = campaign;
            return c.status() != CampaignStatus.ACTIVE
                    || !c.schedule().windows().isEmpty()
                    || c.audience().kind() != Campaign.Audience.Kind.EVERYONE
                    || !limits.isEmpty();
        }
    }

    /**
     * What a tenant runs: automatic campaigns (in id order, as the engine receives them) and coupon
     * templates by id.
     */
    record Snapshot(
            List<LiveCampaign> automatic,
            List<Promotion> automaticPromotions,
            Map<Long, LiveCampaign> byId,
            boolean anyNeedsChecks,
            Map<String, CartPricing.Source> automaticSources,
            List<CampaignAvailability.Check> automaticChecks) {

        Snapshot(
                List<LiveCampaign> automatic,
                List<Promotion> automaticPromotions,
                Map<Long, LiveCampaign> byId,
                boolean anyNeedsChecks) {
            this(automatic, automaticPromotions, byId, anyNeedsChecks, sources(automatic), checks(automatic));
        }

        /** Where each automatic candidate comes from, built once per snapshot instead of per request. */
        private static Map<String, CartPricing.Source> sources(List<LiveCampaign> automatic) {
            var sources = new HashMap<String, CartPricing.Source>();
            for (LiveCampaign lc : automatic) {
                sources.put(lc.promotion().id(), new CartPricing.Source(lc.campaign(), null, null));
            }
            return sources; // never changed after this; a HashMap reads faster than Map.copyOf's table
        }

        /** The automatic campaigns that need per-request checks (windows, audience, limits, paused), in order. */
        private static List<CampaignAvailability.Check> checks(List<LiveCampaign> automatic) {
            var checks = new ArrayList<CampaignAvailability.Check>();
            for (LiveCampaign lc : automatic) {
                if (lc.needsChecks()) {
                    checks.add(new CampaignAvailability.Check(
                            lc.promotion().id(), lc.campaign(), lc.limits(), null, false));
                }
            }
            return List.copyOf(checks);
        }

        static Snapshot of(List<Campaign> live, Map<Long, List<LimitDefinition>> limits) {
            var automatic = new ArrayList<LiveCampaign>();
            var promotions = new ArrayList<Promotion>();
            var byId = new LinkedHashMap<Long, LiveCampaign>();
            boolean checks = false;
            for (Campaign c : live) {
                LiveCampaign lc = LiveCampaign.of(c, limits.getOrDefault(c.id(), List.of()));
                byId.put(c.id(), lc);
                if (c.kind() == CampaignKind.AUTOMATIC) {
                    automatic.add(lc);
                    promotions.add(lc.promotion());
                    checks |= lc.needsChecks();
                }
            }
            return new Snapshot(List.copyOf(automatic), List.copyOf(promotions), Map.copyOf(byId), checks);
        }

        LiveCampaign find(long campaignId) {
            return byId.get(campaignId);
        }
    }
}
