package io.magpie.promotion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.magpie.commerce.SkuFacts;
import io.magpie.commerce.SkuLookup;
import io.magpie.promotion.CampaignAvailability.Check;
import io.magpie.promotion.CampaignAvailability.Shopper;
import io.magpie.promotion.LiveCampaigns.LiveCampaign;
import io.magpie.promotion.LiveCampaigns.Snapshot;
import io.magpie.promotion.pricing.Cart;
import io.magpie.promotion.pricing.CartEvaluator;
import io.magpie.promotion.pricing.CartLine;
import io.magpie.promotion.pricing.Coupon;
import io.magpie.promotion.pricing.Customer;
import io.magpie.promotion.pricing.EvaluationRequest;
import io.magpie.promotion.pricing.EvaluationResult;
import io.magpie.promotion.pricing.Promotion;
import io.magpie.promotion.pricing.ReasonCode;
import io.magpie.promotion.pricing.RuleRegistry;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Assembles the engine's question for a tenant — live campaigns from the in-memory snapshot, the lines
 * enriched from the catalog, the customer's coupons and typed codes, the campaign-level checks — and
 * asks it. Side-effect free: it reads, never writes. Shared by cart evaluation, draft dry-runs and
 * product promotions.
 */
@Component
class CartPricing {

    private static final CartEvaluator ENGINE = new CartEvaluator(RuleRegistry.standard());

    private final LiveCampaigns live;
    private final CampaignRows campaigns;
    private final CouponRows coupons;
    private final SkuLookup skus;
    private final CampaignAvailability availability;
    private final CouponIssuance issuance;
    private final Tenants tenants;
    private final PromotionSettings settings;
    private final Cache<Long, TenantView> tenantCache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    CartPricing(
            LiveCampaigns live,
            CampaignRows campaigns,
            CouponRows coupons,
            SkuLookup skus,
            CampaignAvailability availability,
            CouponIssuance issuance,
            Tenants tenants,
            PromotionSettings settings) {
        this.live = live;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.skus = skus;
        this.availability = availability;
        this.issuance = issuance;
        this.tenants = tenants;
        this.settings = settings;
    }

    /** A line as the shop sent it. */
    record LineInput(
            String lineId, String sku, int quantity, long unitPrice, Long floorUnitPrice, boolean firstPurchase) {}

    /** Everything a pricing question may carry. {@code extra} campaigns are priced as if running (dry-run). */
    record Question(
            long tenantId,
            List<LineInput> lines,
            String customerId,
            String tier,
            Map<String, String> attributes,
            List<String> codes,
            List<Long> couponIds,
            List<String> selection,
            String channel,
            String store,
            long freight,
            Instant at,
            Campaign asIfRunning,
            List<Campaign> asIfClaimed) {}

    /** Where a candidate comes from. {@code couponId} null for automatic campaigns and hypothetical coupons. */
    record Source(Campaign campaign, Long couponId, String code) {}

    /**
     * Candidate sources: a shared, immutable base (the snapshot's automatic campaigns) under this request's
     * own entries. Reads look in both; writes go to the request's own map.
     */
    static final class Sources extends java.util.AbstractMap<String, Source> {
        private final Map<String, Source> base;
        private final Map<String, Source> own = new HashMap<>();

        Sources(Map<String, Source> base) {
            this.base = base;
        }

        Map<String, Source> own() {
            return own;
        }

        @Override
        public Source get(Object key) {
            Source s = own.get(key);
            return s != null ? s : base.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return own.containsKey(key) || base.containsKey(key);
        }

        @Override
        public Source put(String key, Source value) {
            Source before = get(key);
            own.put(key, value);
            return before;
        }

        @Override
        public Set<Entry<String, Source>> entrySet() {
            var all = new HashMap<>(base);
            all.putAll(own);
            return java.util.Collections.unmodifiableMap(all).entrySet();
        }
    }

    /** A candidate decided before the engine (an unknown code, a coupon not selected…). */
    record Rejected(String candidateId, Campaign campaign, Long couponId, String code, String status, String reason) {}

    /** The engine's answer with where each candidate came from. */
    record Priced(
            String currency,
            EvaluationResult result,
            Map<String, Source> sources,
            List<Rejected> rejected,
            List<String> unknownSkus,
            Map<String, SkuFacts> catalog,
            Cart cart) {}

    String currency(long tenantId) {
        return tenant(tenantId).currency();
    }

    Priced price(Question q) {
        TenantView tenant = tenant(q.tenantId());
        Snapshot snapshot = live.of(q.tenantId());
        Campaign draft = q.asIfRunning();
        // the snapshot's automatic sources and checks, built once per snapshot; this request's own on top
        Sources sources = new Sources(draft == null ? snapshot.automaticSources() : Map.of());
        List<Rejected> rejected = new ArrayList<>();
        List<Check> checks = draft == null ? new ArrayList<>(snapshot.automaticChecks()) : new ArrayList<>();

        // automatic campaigns: the snapshot's, and the dry-run campaign as if it were running
        List<Promotion> promotions;
        if (draft == null) {
            promotions = snapshot.automaticPromotions();
        } else {
            promotions = new ArrayList<>(snapshot.automaticPromotions().size() + 1);
            for (Promotion p : snapshot.automaticPromotions()) {
                if (!p.id().equals(draft.candidateId())) {
                    promotions.add(p);
                }
            }
        }
        for (LiveCampaign lc : draft == null ? List.<LiveCampaign>of() : snapshot.automatic()) {
            if (lc.campaign().id() == draft.id()) {
                continue;
            }
            sources.put(lc.promotion().id(), new Source(lc.campaign(), null, null));
            if (lc.needsChecks()) {
                checks.add(new Check(lc.promotion().id(), lc.campaign(), lc.limits(), null, false));
            }
        }
        List<Coupon> engineCoupons = new ArrayList<>();
        if (draft != null) {
            List<LimitDefinition> limits = limitsOf(q.tenantId(), snapshot, draft.id());
            Promotion p = draft.toPromotion().withWindow(null, null);
            if (draft.kind() == CampaignKind.AUTOMATIC) {
                promotions.add(p);
                sources.put(p.id(), new Source(draft, null, null));
                checks.add(new Check(p.id(), draft, limits, null, true));
            } else {
                String id = "T" + draft.id();
                engineCoupons.add(new Coupon(id, p, null, null));
                sources.put(id, new Source(draft, null, null));
                checks.add(new Check(id, draft, limits, null, true));
            }
        }

        Map<String, ReasonCode> forced = new HashMap<>();
        couponCandidates(q, snapshot, engineCoupons, sources, rejected, checks, forced);
        Set<Long> held = new HashSet<>();
        sources.own()
                .values()
                .forEach(
                        s -> { // automatic sources never come through a coupon
                            if (s.couponId() != null) {
                                held.add(s.campaign().id());
                            }
                        });
        for (Campaign template : q.asIfClaimed()) {
            String id = "T" + template.id();
            if (sources.containsKey(id) || held.contains(template.id())) {
                continue; // a template the shopper already holds a coupon of is counted through that coupon
            }
            engineCoupons.add(new Coupon(id, template.toPromotion().withWindow(null, null), null, null));
            sources.put(id, new Source(template, null, null));
            LiveCampaign lc = snapshot.find(template.id());
            checks.add(new Check(id, template, lc == null ? List.of() : lc.limits(), null, false));
        }

        // lines, enriched from the catalog
        List<String> codes = new ArrayList<>(q.lines().size());
        q.lines().forEach(l -> codes.add(l.sku()));
        Map<String, SkuFacts> facts = skus.find(q.tenantId(), codes);
        List<CartLine> lines = new ArrayList<>(q.lines().size());
        List<String> unknown = new ArrayList<>();
        for (LineInput l : q.lines()) {
            SkuFacts f = facts.get(l.sku());
            if (f == null && !unknown.contains(l.sku())) {
                unknown.add(l.sku());
            }
            lines.add(new CartLine(
                    l.lineId(),
                    l.sku(),
                    f == null ? l.sku() : f.productCode(),
                    f == null ? Set.of() : Set.copyOf(f.categories()),
                    f == null ? null : f.brand(),
                    l.quantity(),
                    l.unitPrice(),
                    l.floorUnitPrice(),
                    l.firstPurchase()));
        }

        Map<String, ReasonCode> unavailable = checks.isEmpty()
                ? forced
                : availability.unavailable(
                        q.tenantId(),
                        checks,
                        new Shopper(
                                q.customerId(),
                                q.attributes() == null ? Map.of() : q.attributes(),
                                q.store(),
                                q.at(),
                                tenant.timeZone()));
        if (!forced.isEmpty() && unavailable != forced) {
            unavailable.putAll(forced);
        }
        Cart cart = new Cart(
                lines, new Customer(q.customerId(), q.tier(), Set.of()), q.channel(), q.store(), q.freight(), q.at());
        EvaluationResult result = ENGINE.evaluate(new EvaluationRequest(
                cart, promotions, engineCoupons, settings.policy(q.tenantId()), q.selection(), unavailable));
        return new Priced(tenant.currency(), result, sources, rejected, List.copyOf(unknown), facts, cart);
    }

    /** The customer's usable coupons, the typed codes, and the coupons the shopper picked. */
    private void couponCandidates(
            Question q,
            Snapshot snapshot,
            List<Coupon> engineCoupons,
            Map<String, Source> sources,
            List<Rejected> rejected,
            List<Check> checks,
            Map<String, ReasonCode> forced) {
        String customer = q.customerId();
        Map<Long, HeldCoupon> held = new LinkedHashMap<>();
        if (customer != null) {
            coupons.usableOfCustomer(q.tenantId(), customer).forEach(c -> held.put(c.id(), c));
        }
        Map<Long, String> typed = new HashMap<>();
        Set<String> seenCodes = new HashSet<>();
        for (String raw : q.codes()) {
            String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
            if (!seenCodes.add(code)) {
                continue;
            }
            var found = coupons.findByCode(q.tenantId(), code);
            if (found.isEmpty()) {
                preview(q, snapshot, code, engineCoupons, sources, rejected, checks);
                continue;
            }
            HeldCoupon c = found.get();
            if (customer == null || !customer.equals(c.customerId())) {
                rejected.add(new Rejected(null, null, null, code, "NOT_APPLICABLE", "code_not_owned"));
            } else if (c.state() != CouponState.AVAILABLE) {
                rejected.add(unusable(c, template(q.tenantId(), snapshot, c.campaignId()), code));
            } else {
                held.putIfAbsent(c.id(), c);
                typed.put(c.id(), code);
            }
        }
        Set<Long> picked = new HashSet<>();
        if (!q.couponIds().isEmpty()) {
            for (Long id : q.couponIds()) {
                if (!picked.add(id)) {
                    continue;
                }
                HeldCoupon c = held.get(id);
                if (c == null) {
                    var found = coupons.find(q.tenantId(), id)
                            .filter(x -> customer != null && customer.equals(x.customerId()));
                    if (found.isEmpty()) {
                        rejected.add(new Rejected("C" + id, null, id, null, "NOT_APPLICABLE", "unknown_coupon"));
                    } else {
                        rejected.add(unusable(
                                found.get(),
                                template(q.tenantId(), snapshot, found.get().campaignId()),
                                null));
                    }
                }
            }
        }
        for (HeldCoupon c : held.values()) {
            Campaign template = template(q.tenantId(), snapshot, c.campaignId());
            if (template == null) {
                continue; // a coupon whose template is gone cannot be priced
            }
            if (!q.couponIds().isEmpty() && !picked.contains(c.id()) && !typed.containsKey(c.id())) {
                rejected.add(new Rejected(c.candidateId(), template, c.id(), null, "SKIPPED", "not_selected"));
                continue;
            }
            engineCoupons.add(new Coupon(
                    c.candidateId(), template.toPromotion().withWindow(null, null), c.validFrom(), c.expiresAt()));
            sources.put(c.candidateId(), new Source(template, c.id(), typed.get(c.id())));
            LiveCampaign lc = snapshot.find(template.id());
            if (lc == null) {
                // the template left the snapshot: ended by its schedule (its coupons stay valid) or by the operator
                if (template.status() == CampaignStatus.ACTIVE) {
                    checks.add(new Check(
                            c.candidateId(), template, limitsOf(q.tenantId(), snapshot, template.id()), c.id(), false));
                } else {
                    forced.put(c.candidateId(), ReasonCode.EXPIRED);
                }
            } else if (lc.needsChecks()) {
                checks.add(new Check(c.candidateId(), template, lc.limits(), c.id(), false));
            }
        }
    }

    /**
     * A code not redeemed yet: what a redemption would give ({@link CouponIssuance#previewCode}) competes as
     * a coupon {@code T<template id>} carrying the code; the order's reservation redeems it.
     */
    private void preview(
            Question q,
            Snapshot snapshot,
            String code,
            List<Coupon> engineCoupons,
            Map<String, Source> sources,
            List<Rejected> rejected,
            List<Check> checks) {
        var preview = issuance.previewCode(q.tenantId(), q.customerId(), q.attributes(), code, q.at());
        if (preview.isEmpty()) {
            rejected.add(new Rejected(null, null, null, code, "NOT_APPLICABLE", "unknown_code"));
            return;
        }
        CodeCoupon c = preview.get();
        Campaign template = c.template();
        if (!c.usable()) {
            rejected.add(new Rejected(null, template, c.couponId(), c.code(), "NOT_APPLICABLE", c.unavailable()));
            return;
        }
        String id = "T" + template.id();
        if (sources.containsKey(id)) {
            return; // a second code of the same template adds nothing
        }
        engineCoupons.add(new Coupon(id, template.toPromotion().withWindow(null, null), c.validFrom(), c.expiresAt()));
        sources.put(id, new Source(template, null, c.code()));
        LiveCampaign lc = snapshot.find(template.id());
        if (lc != null && lc.needsChecks()) {
            checks.add(new Check(id, template, lc.limits(), null, false));
        }
    }

    private static Rejected unusable(HeldCoupon c, Campaign template, String code) {
        String reason = switch (c.state()) {
            case EXPIRED -> "expired";
            case VOID -> "coupon_void";
            default -> "coupon_used";
        };
        return new Rejected(c.candidateId(), template, c.id(), code, "NOT_APPLICABLE", reason);
    }

    private Campaign template(long tenantId, Snapshot snapshot, long campaignId) {
        LiveCampaign lc = snapshot.find(campaignId);
        return lc != null ? lc.campaign() : campaigns.find(tenantId, campaignId).orElse(null);
    }

    private List<LimitDefinition> limitsOf(long tenantId, Snapshot snapshot, long campaignId) {
        LiveCampaign lc = snapshot.find(campaignId);
        if (lc != null) {
            return lc.limits();
        }
        return campaigns.limits(tenantId, campaignId).stream()
                .map(CampaignLimit::limit)
                .toList();
    }

    private TenantView tenant(long tenantId) {
        return tenantCache.get(tenantId, tenants::get);
    }
}
