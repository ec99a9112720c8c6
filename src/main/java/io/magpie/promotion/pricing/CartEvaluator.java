package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prices a cart: price layer, then the best allowed combination of threshold promotions and coupons
 * (or the caller's explicit one), with an explanation for every candidate. Pure and deterministic.
 */
public final class CartEvaluator {

    private final RuleRegistry registry;

    /** Index of the last promotion list evaluated (reused while callers pass the same immutable list). */
    private volatile PromotionIndex lastIndex;

    public CartEvaluator(RuleRegistry registry) {
        this.registry = registry;
    }

    public CartEvaluator() {
        this(RuleRegistry.standard());
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        Cart cart = request.cart();
        List<Candidate> all = candidates(request);
        var outcomes = new LinkedHashMap<String, CandidateOutcome>();
        var live = new ArrayList<Candidate>();
        for (Candidate c : all) {
            var rejected = Eligibility.check(c, cart)
                    .or(() -> Optional.ofNullable(request.unavailable().get(c.id())));
            if (rejected.isPresent()) {
                outcomes.put(c.id(), notApplicable(c, rejected.get()));
            } else {
                live.add(c);
            }
        }
        boolean[] touching = new boolean[all.size()];
        promotionIndex(request.promotions()).touching(cart, touching, 0);
        if (!request.coupons().isEmpty()) {
            new PromotionIndex(request.coupons().stream().map(Coupon::promotion).toList())
                    .touching(cart, touching, request.promotions().size());
        }
        var activityPrices = new ArrayList<Candidate>();
        var priceRules = new ArrayList<Candidate>();
        var offers = new ArrayList<Candidate>();
        for (Candidate c : live) {
            if (!touching[c.inputOrder()]) {
                outcomes.put(c.id(), notApplicable(c, ReasonCode.NO_ELIGIBLE_ITEMS));
            } else if (c.stage() == Stage.ACTIVITY_PRICE) {
                activityPrices.add(c);
            } else if (c.stage() == Stage.PRICE_LAYER) {
                priceRules.add(c);
            } else {
                offers.add(c);
            }
        }
        var priced = new ArrayList<LineState>();
        cart.lines().forEach(l -> priced.add(new LineState(l)));
        activityPrices.sort(Candidate.APPLICATION_ORDER);
        priceRules.sort(Candidate.APPLICATION_ORDER);
        long reservedMinimum = request.policy().allowFreeOrder() || cart.subtotal() == 0 ? 0 : 1;
        var priceOutcomes = new LinkedHashMap<String, CandidateOutcome>();
        priceOutcomes.putAll(PriceLayer.apply(cart, priced, activityPrices, reservedMinimum));
        priceOutcomes.putAll(PriceLayer.apply(cart, priced, priceRules, reservedMinimum));

        // each offer alone: explains why it cannot apply, and bounds what it can add to any combination
        var standalone = new HashMap<String, Pipeline.Run>();
        var optimistic = new HashMap<String, Long>();
        var searchable = new ArrayList<Candidate>();
        long basePayable = Pipeline.run(
                        cart,
                        priced,
                        List.of(),
                        reservedMinimum,
                        request.policy().oneOfferPerLine())
                .payable();
        for (Candidate c : offers) {
            Pipeline.Run alone = Pipeline.run(
                    cart, priced, List.of(c), reservedMinimum, request.policy().oneOfferPerLine());
            standalone.put(c.id(), alone);
            if (alone.outcomes().get(c.id()).reason() == ReasonCode.INVALID_CONFIG) {
                continue;
            }
            boolean monotone = ((OfferRule) c.type()).monotone(c.promotion());
            // a non-monotone offer may apply only next to others, so it is searched even when it fails alone
            if (!monotone || alone.outcomes().get(c.id()).outcome() == Outcome.APPLIED) {
                searchable.add(c);
                optimistic.put(c.id(), monotone ? basePayable - alone.payable() : room(priced, c));
            }
        }

        var search = new BestCombination(cart, priced, request.policy(), reservedMinimum, optimistic);
        BestCombination.Choice choice;
        SearchMode mode;
        var explicitlySkipped = new HashSet<String>();
        if (request.explicitSelection() != null) {
            mode = SearchMode.EXPLICIT;
            var chosen = new ArrayList<Candidate>();
            for (String id : request.explicitSelection()) {
                offers.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> {
                    if (StackingRules.canAdd(chosen, c, request.policy())) {
                        chosen.add(c);
                    } else {
                        explicitlySkipped.add(c.id());
                    }
                });
            }
            choice = search.evaluate(chosen);
        } else if (searchable.size() <= BestCombination.EXACT_LIMIT) {
            mode = SearchMode.EXACT;
            choice = search.exact(searchable);
        } else {
            mode = SearchMode.HEURISTIC;
            choice = search.greedy(searchable);
        }

        Pipeline.Run run = choice.run();
        for (Candidate c : all) {
            if (outcomes.containsKey(c.id())) {
                continue;
            }
            if (priceOutcomes.containsKey(c.id())) {
                outcomes.put(c.id(), priceOutcomes.get(c.id()));
            } else if (run.outcomes().containsKey(c.id())) {
                outcomes.put(c.id(), run.outcomes().get(c.id()));
            } else {
                CandidateOutcome alone = standalone.get(c.id()).outcomes().get(c.id());
                if (alone.outcome() != Outcome.APPLIED) {
                    outcomes.put(c.id(), alone);
                } else if (explicitlySkipped.contains(c.id())
                        || !StackingRules.canAdd(choice.members(), c, request.policy())) {
                    outcomes.put(c.id(), skipped(c, ReasonCode.EXCLUDED_BY_STACKING));
                } else {
                    outcomes.put(
                            c.id(),
                            skipped(
                                    c,
                                    mode == SearchMode.EXPLICIT ? ReasonCode.NOT_SELECTED : ReasonCode.NOT_BENEFICIAL));
                }
            }
        }

        var stageDiscounts = new ArrayList<StageDiscount>();
        for (Stage stage : List.of(Stage.ACTIVITY_PRICE, Stage.PRICE_LAYER)) {
            stageDiscounts.add(new StageDiscount(
                    stage,
                    priceOutcomes.values().stream()
                            .filter(o -> o.stage() == stage)
                            .mapToLong(CandidateOutcome::discount)
                            .sum()));
        }
        stageDiscounts.add(
                new StageDiscount(Stage.THRESHOLD, run.discountByStage().getOrDefault(Stage.THRESHOLD, 0L)));
        stageDiscounts.add(new StageDiscount(Stage.COUPON, run.discountByStage().getOrDefault(Stage.COUPON, 0L)));
        var lines = new ArrayList<LineResult>();
        for (LineState l : run.lines()) {
            lines.add(new LineResult(l.id(), l.line.amount(), l.current));
        }
        var ordered = new ArrayList<CandidateOutcome>();
        all.forEach(c -> ordered.add(outcomes.get(c.id())));
        return new EvaluationResult(
                cart.subtotal(),
                stageDiscounts,
                cart.freight(),
                run.freightDiscount(),
                run.payable(),
                lines,
                run.gifts(),
                ordered,
                choice.members().stream().map(Candidate::id).sorted().toList(),
                mode);
    }

    private PromotionIndex promotionIndex(List<Promotion> promotions) {
        PromotionIndex index = lastIndex;
        if (index == null || index.promotions() != promotions) {
            index = new PromotionIndex(promotions);
            lastIndex = index;
        }
        return index;
    }

    private List<Candidate> candidates(EvaluationRequest request) {
        var result = new ArrayList<Candidate>();
        var seen = new HashSet<String>();
        int order = 0;
        for (Promotion p : request.promotions()) {
            requireUnique(seen, p.id());
            result.add(new Candidate(p.id(), p, null, registry.find(p.typeId()).orElse(null), order++));
        }
        for (Coupon c : request.coupons()) {
            requireUnique(seen, c.couponId());
            Promotion p = c.promotion();
            result.add(
                    new Candidate(c.couponId(), p, c, registry.find(p.typeId()).orElse(null), order++));
        }
        return result;
    }

    private static void requireUnique(Set<String> seen, String id) {
        if (!seen.add(id)) {
            throw new IllegalArgumentException("duplicate candidate id " + id);
        }
    }

    private static long room(List<LineState> priced, Candidate c) {
        return priced.stream()
                .filter(l -> c.promotion().scope().covers(l.line))
                .mapToLong(LineState::room)
                .sum();
    }

    private static CandidateOutcome notApplicable(Candidate c, ReasonCode reason) {
        return Pipeline.outcome(c, Outcome.NOT_APPLICABLE, reason, List.of(), 0, List.of(), null);
    }

    private static CandidateOutcome skipped(Candidate c, ReasonCode reason) {
        return Pipeline.outcome(c, Outcome.SKIPPED, reason, List.of(), 0, List.of(), null);
    }
}
