package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.promotion.CartEvaluationView.Applied;
import io.magpie.promotion.CartEvaluationView.AppliedAllocation;
import io.magpie.promotion.CartEvaluationView.CandidateView;
import io.magpie.promotion.CartEvaluationView.GiftView;
import io.magpie.promotion.CartEvaluationView.LineAllocation;
import io.magpie.promotion.CartEvaluationView.LineView;
import io.magpie.promotion.CartEvaluationView.NudgeView;
import io.magpie.promotion.CartEvaluationView.Recommended;
import io.magpie.promotion.CartEvaluationView.StageAmount;
import io.magpie.promotion.CartEvaluationView.Totals;
import io.magpie.promotion.CartPricing.LineInput;
import io.magpie.promotion.CartPricing.Priced;
import io.magpie.promotion.CartPricing.Question;
import io.magpie.promotion.CartPricing.Rejected;
import io.magpie.promotion.CartPricing.Source;
import io.magpie.promotion.pricing.Allocation;
import io.magpie.promotion.pricing.CandidateOutcome;
import io.magpie.promotion.pricing.Cart;
import io.magpie.promotion.pricing.CartLine;
import io.magpie.promotion.pricing.EvaluationResult;
import io.magpie.promotion.pricing.GiftLine;
import io.magpie.promotion.pricing.LineResult;
import io.magpie.promotion.pricing.Outcome;
import io.magpie.promotion.pricing.ReasonCode;
import io.magpie.promotion.pricing.SearchMode;
import io.magpie.promotion.pricing.Stage;
import io.magpie.promotion.pricing.StageDiscount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Prices a shopper's cart: what each line pays, what every promotion gave, and why the others did not
 * apply, in the caller's language. Deterministic (the same request gives the same answer) and without
 * side effects (nothing is reserved or counted). Also the dry-run of a campaign before its launch.
 */
@Service
public class CartEvaluation {

    private static final Set<ReasonCode> WEIGHED =
            EnumSet.of(ReasonCode.NOT_BENEFICIAL, ReasonCode.EXCLUDED_BY_STACKING, ReasonCode.NOT_SELECTED);

    private final CartPricing pricing;
    private final CampaignRows campaigns;
    private final ReasonMessages messages;
    private final Clock clock;

    CartEvaluation(CartPricing pricing, CampaignRows campaigns, ReasonMessages messages, Clock clock) {
        this.pricing = pricing;
        this.campaigns = campaigns;
        this.messages = messages;
        this.clock = clock;
    }

    /** Prices the cart with the tenant's live campaigns. */
    public CartEvaluationView evaluate(long tenantId, CartEvaluationRequest request, Locale locale) {
        CartEvaluationChecks.check(request);
        Question q = question(tenantId, request, null);
        return view(pricing.price(q), request, locale, q.at());
    }

    /**
     * Prices the cart with the live campaigns plus campaign {@code campaignId} as if it were running
     * (whatever its status and schedule, except ARCHIVED): a coupon template counts as held by the shopper.
     */
    public CartEvaluationView dryRun(long tenantId, long campaignId, CartEvaluationRequest request, Locale locale) {
        CartEvaluationChecks.check(request);
        Campaign campaign = campaigns
                .find(tenantId, campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        if (campaign.status() == CampaignStatus.ARCHIVED) {
            throw ProblemException.conflict("campaign_archived", "an archived campaign cannot be evaluated");
        }
        Question q = question(tenantId, request, campaign);
        return view(pricing.price(q), request, locale, q.at());
    }

    private Question question(long tenantId, CartEvaluationRequest r, Campaign asIfRunning) {
        List<LineInput> lines = new ArrayList<>(r.lines().size());
        for (CartEvaluationRequest.Line l : r.lines()) {
            lines.add(new LineInput(
                    l.lineId(),
                    l.sku(),
                    l.quantity().intValue(),
                    l.unitPrice(),
                    l.floorUnitPrice(),
                    Boolean.TRUE.equals(l.firstPurchase())));
        }
        var customer = r.customer();
        return new Question(
                tenantId,
                lines,
                customer == null ? null : customer.id(),
                customer == null ? null : customer.tier(),
                customer == null || customer.attributes() == null ? Map.of() : customer.attributes(),
                r.couponCodes() == null ? List.of() : r.couponCodes(),
                r.couponIds() == null ? List.of() : r.couponIds(),
                r.selection(),
                r.channel(),
                r.store(),
                r.freight() == null ? 0 : r.freight(),
                r.at() == null ? clock.instant() : r.at(),
                asIfRunning,
                List.of());
    }

    /**
     * Whether a candidate belongs in the answer: coupons and explicitly chosen candidates always; an
     * automatic promotion only when its scope covers a line of the cart (a shopper does not need 80
     * "no eligible items" rows; {@code all_candidates} asks for them).
     */
    /** The cheap half of {@link #relevant}: an automatic candidate whose scope covers no line of the cart. */
    private static boolean untouched(CandidateOutcome o, CartEvaluationRequest request) {
        return !o.coupon()
                && o.outcome() != Outcome.APPLIED
                && o.reason() == ReasonCode.NO_ELIGIBLE_ITEMS
                && (request.selection() == null || !request.selection().contains(o.candidateId()));
    }

    private static boolean relevant(CandidateOutcome o, Campaign campaign, Cart cart, CartEvaluationRequest request) {
        if (o.coupon()
                || o.outcome() == Outcome.APPLIED
                || (request.selection() != null && request.selection().contains(o.candidateId()))) {
            return true;
        }
        if (o.reason() == ReasonCode.NO_ELIGIBLE_ITEMS) {
            return false;
        }
        for (CartLine line : cart.lines()) {
            if (campaign.scope().covers(line)) {
                return true;
            }
        }
        return false;
    }

    private CartEvaluationView view(Priced priced, CartEvaluationRequest request, Locale requested, Instant at) {
        Locale locale = PriceFormat.supported(requested);
        EvaluationResult result = priced.result();
        String currency = priced.currency();
        Map<String, List<LineAllocation>> byLine = new HashMap<>();
        List<Applied> applied = new ArrayList<>();
        List<CandidateView> candidates =
                new ArrayList<>(result.candidates().size() + priced.rejected().size());
        int weighed = 0;
        boolean all = Boolean.TRUE.equals(request.allCandidates());
        for (CandidateOutcome o : result.candidates()) {
            if (!all && untouched(o, request)) {
                continue; // most running campaigns: decided before looking anything up
            }
            Source source = priced.sources().get(o.candidateId());
            Campaign campaign = source.campaign();
            if (!all && !relevant(o, campaign, priced.cart(), request)) {
                continue;
            }
            if (o.outcome() == Outcome.APPLIED) {
                var allocations =
                        new ArrayList<AppliedAllocation>(o.allocations().size());
                for (Allocation a : o.allocations()) {
                    allocations.add(new AppliedAllocation(a.lineId(), a.amount()));
                    byLine.computeIfAbsent(a.lineId(), k -> new ArrayList<>())
                            .add(new LineAllocation(campaign.id(), source.couponId(), a.amount()));
                }
                applied.add(new Applied(
                        campaign.id(),
                        source.couponId(),
                        source.code(),
                        o.discount(),
                        o.freightDiscount(),
                        allocations));
            }
            if ((o.stage() == Stage.THRESHOLD || o.stage() == Stage.COUPON)
                    && (o.outcome() == Outcome.APPLIED
                            || (o.outcome() == Outcome.SKIPPED && WEIGHED.contains(o.reason())))) {
                weighed++;
            }
            NudgeView nudge = o.nudge() == null
                    ? null
                    : new NudgeView(
                            o.nudge().basis().name(),
                            o.nudge().shortfall(),
                            o.nudge().wouldSave(),
                            messages.nudge(o.nudge(), currency, locale));
            String message;
            if (o.reason() == null) {
                message = messages.applied(
                        o.discount(), o.freightDiscount(), !o.gifts().isEmpty(), currency, locale);
            } else {
                message = messages.reason(ReasonMessages.code(o.reason()), locale);
                if (o.reason() == ReasonCode.THRESHOLD_NOT_MET && nudge != null) {
                    message = messages.withNudge(message, nudge.message(), locale);
                }
            }
            candidates.add(new CandidateView(
                    o.candidateId(),
                    campaign.id(),
                    source.couponId(),
                    source.code(),
                    campaign.name(),
                    campaign.ruleType(),
                    o.stage() == null ? null : o.stage().name(),
                    o.outcome().name(),
                    o.reason() == null ? null : ReasonMessages.code(o.reason()),
                    message,
                    o.discount(),
                    o.freightDiscount(),
                    nudge));
        }
        for (Rejected r : priced.rejected()) {
            Campaign c = r.campaign();
            candidates.add(new CandidateView(
                    r.candidateId(),
                    c == null ? null : c.id(),
                    r.couponId(),
                    r.code(),
                    c == null ? null : c.name(),
                    c == null ? null : c.ruleType(),
                    c == null ? null : Stage.COUPON.name(),
                    r.status(),
                    r.reason(),
                    messages.reason(r.reason(), locale),
                    0,
                    0,
                    null));
        }
        List<LineView> lines = new ArrayList<>(result.lines().size());
        for (int i = 0; i < result.lines().size(); i++) {
            LineResult line = result.lines().get(i);
            CartEvaluationRequest.Line in = request.lines().get(i);
            lines.add(new LineView(
                    line.lineId(),
                    in.sku(),
                    in.quantity().intValue(),
                    in.unitPrice(),
                    line.originalAmount(),
                    line.finalAmount(),
                    byLine.getOrDefault(line.lineId(), List.of())));
        }
        List<StageAmount> stages = new ArrayList<>(result.discountByStage().size());
        for (StageDiscount d : result.discountByStage()) {
            stages.add(new StageAmount(d.stage().name(), d.amount()));
        }
        List<GiftView> gifts = new ArrayList<>(result.gifts().size());
        for (GiftLine g : result.gifts()) {
            gifts.add(new GiftView(campaignId(g.promotionId()), g.sku(), g.quantity()));
        }
        SearchMode mode = result.searchMode();
        return new CartEvaluationView(
                currency,
                lines,
                new Totals(
                        result.subtotal(),
                        result.totalDiscount(),
                        stages,
                        result.freight(),
                        result.freightDiscount(),
                        result.payable()),
                gifts,
                applied,
                candidates,
                new Recommended(mode.name(), weighed, SearchMode.EXACT_BOUND, result.selected()),
                priced.unknownSkus(),
                at);
    }

    /** {@code P12} → 12. */
    private static Long campaignId(String promotionId) {
        try {
            return Long.valueOf(promotionId.substring(1));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
