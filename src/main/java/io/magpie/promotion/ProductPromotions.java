package io.magpie.promotion;

import io.magpie.commerce.SkuFacts;
import io.magpie.commerce.SkuLookup;
import io.magpie.promotion.CartPricing.LineInput;
import io.magpie.promotion.CartPricing.Priced;
import io.magpie.promotion.CartPricing.Question;
import io.magpie.promotion.CartPricing.Source;
import io.magpie.promotion.LiveCampaigns.LiveCampaign;
import io.magpie.promotion.ProductPromotionsView.EstimatedOffer;
import io.magpie.promotion.ProductPromotionsView.Offer;
import io.magpie.promotion.pricing.CandidateOutcome;
import io.magpie.promotion.pricing.Outcome;
import io.magpie.promotion.pricing.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Product promotions and 到手价: for a SKU, the running promotions and claimable coupon templates that
 * could apply, and the best price of one unit, priced by the same engine as carts (a one-unit cart with
 * the live promotions, the customer's coupons and every claimable coupon counted as claimed).
 */
@Service
class ProductPromotions {

    static final int MAX_BATCH = 100;

    /** Reasons that mean the promotion cannot apply to this SKU for this shopper now: not listed. */
    private static final Set<ReasonCode> HIDDEN = EnumSet.of(
            ReasonCode.NO_ELIGIBLE_ITEMS,
            ReasonCode.NOT_STARTED,
            ReasonCode.EXPIRED,
            ReasonCode.PAUSED,
            ReasonCode.OUTSIDE_TIME_WINDOW,
            ReasonCode.AUDIENCE_MISMATCH,
            ReasonCode.BUDGET_EXHAUSTED,
            ReasonCode.CUSTOMER_LIMIT_REACHED,
            ReasonCode.CUSTOMER_NOT_ELIGIBLE,
            ReasonCode.CHANNEL_NOT_ELIGIBLE,
            ReasonCode.STORE_NOT_ELIGIBLE,
            ReasonCode.UNKNOWN_TYPE,
            ReasonCode.INVALID_CONFIG);

    private final CartPricing pricing;
    private final LiveCampaigns live;
    private final SkuLookup skus;
    private final PromotionBadges badges;
    private final ReasonMessages messages;
    private final Clock clock;

    ProductPromotions(
            CartPricing pricing,
            LiveCampaigns live,
            SkuLookup skus,
            PromotionBadges badges,
            ReasonMessages messages,
            Clock clock) {
        this.pricing = pricing;
        this.live = live;
        this.skus = skus;
        this.badges = badges;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who looks at the product, where. */
    record Viewer(String customerId, String tier, String channel, String store) {}

    Optional<ProductPromotionsView> of(long tenantId, String sku, Viewer viewer, Locale locale) {
        return Optional.ofNullable(skus.find(tenantId, sku).orElse(null))
                .map(f -> view(tenantId, f, viewer, PriceFormat.supported(locale), clock.instant()));
    }

    /** The SKUs found, in the order asked (duplicates once); unknown SKUs are left out. */
    List<ProductPromotionsView> of(long tenantId, List<String> codes, Viewer viewer, Locale locale) {
        Map<String, SkuFacts> found = skus.find(tenantId, codes);
        Instant at = clock.instant();
        Locale l = PriceFormat.supported(locale);
        List<ProductPromotionsView> views = new ArrayList<>();
        codes.stream()
                .distinct()
                .filter(found::containsKey)
                .forEach(c -> views.add(view(tenantId, found.get(c), viewer, l, at)));
        return views;
    }

    private ProductPromotionsView view(long tenantId, SkuFacts sku, Viewer viewer, Locale locale, Instant at) {
        List<Campaign> claimable = new ArrayList<>();
        for (LiveCampaign lc : live.of(tenantId).byId().values()) {
            Campaign c = lc.campaign();
            if (c.kind() == CampaignKind.COUPON
                    && c.coupon() != null
                    && c.coupon().claimable()
                    && c.state(at) == CampaignState.RUNNING) {
                claimable.add(c);
            }
        }
        claimable.sort((a, b) -> Long.compare(a.id(), b.id()));
        Priced priced = pricing.price(new Question(
                tenantId,
                List.of(new LineInput("1", sku.sku(), 1, sku.price(), null, false)),
                viewer.customerId(),
                viewer.tier(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                viewer.channel(),
                viewer.store(),
                0,
                at,
                null,
                claimable));
        String currency = priced.currency();
        List<Offer> offers = new ArrayList<>();
        List<EstimatedOffer> counted = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        for (CandidateOutcome o : priced.result().candidates()) {
            Source source = priced.sources().get(o.candidateId());
            Campaign c = source.campaign();
            boolean hypothetical = o.candidateId().startsWith("T");
            if (o.outcome() == Outcome.APPLIED) {
                counted.add(new EstimatedOffer(c.id(), source.couponId(), hypothetical, o.discount()));
            }
            if ((o.reason() != null && HIDDEN.contains(o.reason())) || listed.contains(c.id())) {
                continue;
            }
            listed.add(c.id());
            var nudge = o.nudge() == null
                    ? null
                    : new CartEvaluationView.NudgeView(
                            o.nudge().basis().name(),
                            o.nudge().shortfall(),
                            o.nudge().wouldSave(),
                            messages.nudge(o.nudge(), currency, locale));
            offers.add(new Offer(
                    c.id(),
                    c.name(),
                    c.kind().name(),
                    c.ruleType(),
                    badges.of(c, sku.sku(), currency, locale),
                    c.kind() == CampaignKind.AUTOMATIC ? c.schedule().endsAt() : null,
                    hypothetical,
                    source.couponId(),
                    o.outcome() == Outcome.APPLIED
                            && (o.discount() > 0 || !o.gifts().isEmpty()),
                    nudge));
        }
        List<String> assumptions = new ArrayList<>();
        assumptions.add(
                messages.text("pricing.assume.one_unit", locale, PriceFormat.money(sku.price(), currency, locale)));
        if (!claimable.isEmpty()) {
            assumptions.add(messages.text("pricing.assume.claim", locale));
        }
        assumptions.add(messages.text(
                viewer.customerId() == null ? "pricing.assume.anonymous" : "pricing.assume.held", locale));
        long unit = priced.result().payable();
        return new ProductPromotionsView(
                sku.sku(),
                sku.name(),
                currency,
                sku.price(),
                sku.listPrice(),
                offers,
                new ProductPromotionsView.Estimate(unit, sku.price() - unit, counted, assumptions),
                at);
    }
}
