package io.magpie.promotion.pricing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prices a cart: price layer, then the best allowed combination of threshold promotions and coupons
 * (or the caller's explicit one), with an explanation for every candidate. Pure and deterministic.
 */
public final class CartEvaluator {

    private final RuleRegistry registry;
    /** Off only in tests that compare the "apply everything" shortcut with the full search. */
    private final boolean shortcut;
    /** How often the shortcut answered (tests check that it is taken where it should be). */
    final LongAdder shortcuts = new LongAdder();

    /** The last promotion list resolved (reused while callers pass the same immutable list). */
    private volatile PreparedPromotions lastPrepared;

    public CartEvaluator(RuleRegistry registry) {
        this(registry, true);
    }

    public CartEvaluator() {
        this(RuleRegistry.standard());
    }

    CartEvaluator(RuleRegistry registry, boolean shortcut) {
        this.registry = registry;
        this.shortcut = shortcut;
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        Cart cart = request.cart();
        StackingPolicy policy = request.policy();
        PreparedPromotions prepared = prepared(request.promotions());
        int promotionCount = prepared.size();
        List<Coupon> coupons = request.coupons();
        int total = promotionCount + coupons.size();
        var all = new Candidate[total];
        System.arraycopy(prepared.candidates, 0, all, 0, promotionCount);
        if (!coupons.isEmpty()) {
            var seen = new HashSet<String>();
            for (int i = 0; i < coupons.size(); i++) {
                Coupon coupon = coupons.get(i);
                if (prepared.ids.contains(coupon.couponId()) || !seen.add(coupon.couponId())) {
                    throw new IllegalArgumentException("duplicate candidate id " + coupon.couponId());
                }
                Promotion p = coupon.promotion();
                all[promotionCount + i] = new Candidate(
                        coupon.couponId(), p, coupon, registry.find(p.typeId()).orElse(null), promotionCount + i);
            }
        }

        // which lines each candidate covers: bit k = line k (carts over 64 lines check scopes instead)
        List<CartLine> cartLines = cart.lines();
        var touching = new boolean[total];
        long[] coverage = cartLines.size() <= 64 ? new long[total] : null;
        prepared.index.cover(cartLines, touching, coverage, 0);
        if (!coupons.isEmpty()) {
            new PromotionIndex(coupons.stream().map(Coupon::promotion).toList())
                    .cover(cartLines, touching, coverage, promotionCount);
        }

        var outcomes = new CandidateOutcome[total];
        Map<String, ReasonCode> unavailable = request.unavailable();
        var activityPrices = new ArrayList<Candidate>();
        var priceRules = new ArrayList<Candidate>();
        var offers = new ArrayList<Candidate>();
        for (int i = 0; i < total; i++) {
            Candidate c = all[i];
            boolean preparedCandidate = i < promotionCount && !prepared.dependsOnCart[i];
            ReasonCode rejected = null;
            if (preparedCandidate) {
                outcomes[i] = prepared.rejected[i];
            } else {
                rejected = Eligibility.reason(c, cart);
            }
            if (outcomes[i] != null) {
                continue;
            }
            if (rejected == null && !unavailable.isEmpty()) {
                rejected = unavailable.get(c.id());
            }
            if (rejected != null) {
                outcomes[i] = notApplicable(c, rejected);
            } else if (!touching[i]) {
                outcomes[i] =
                        i < promotionCount ? prepared.untouched[i] : notApplicable(c, ReasonCode.NO_ELIGIBLE_ITEMS);
            } else if (c.stage() == Stage.ACTIVITY_PRICE) {
                activityPrices.add(c);
            } else if (c.stage() == Stage.PRICE_LAYER) {
                priceRules.add(c);
            } else {
                offers.add(c);
            }
        }
        var priced = new ArrayList<LineState>(cartLines.size());
        for (CartLine l : cartLines) {
            priced.add(new LineState(l));
        }
        activityPrices.sort(Candidate.APPLICATION_ORDER);
        priceRules.sort(Candidate.APPLICATION_ORDER);
        // in application order once: every combination below is a sublist, so its pipeline sort is a pass
        offers.sort(Candidate.APPLICATION_ORDER);
        long subtotal = cart.subtotal();
        long reservedMinimum = policy.allowFreeOrder() || subtotal == 0 ? 0 : 1;
        var activityOutcomes = PriceLayer.apply(cart, priced, activityPrices, reservedMinimum, coverage);
        var layerOutcomes = PriceLayer.apply(cart, priced, priceRules, reservedMinimum, coverage);
        long activityDiscount = 0;
        long layerDiscount = 0;
        for (CandidateOutcome o : activityOutcomes) {
            activityDiscount += o.discount();
        }
        for (int i = 0; i < activityOutcomes.length; i++) {
            outcomes[activityPrices.get(i).inputOrder()] = activityOutcomes[i];
        }
        for (CandidateOutcome o : layerOutcomes) {
            layerDiscount += o.discount();
        }
        for (int i = 0; i < layerOutcomes.length; i++) {
            outcomes[priceRules.get(i).inputOrder()] = layerOutcomes[i];
        }

        // each offer alone (its rule on the price-layer lines, as the only member): explains why it cannot
        // apply, and bounds what it can add to any combination
        var entry = new ArrayList<LineState>(priced.size());
        for (LineState l : priced) {
            var copy = new LineState(l);
            copy.stageEntry = copy.current;
            entry.add(copy);
        }
        var aloneContext =
                new StageContext(cart, entry, reservedMinimum, cart.freight(), policy.oneOfferPerLine(), coverage);
        var alone = new CandidateOutcome[total];
        var optimistic = new long[total];
        var searchable = new ArrayList<Candidate>();
        for (Candidate c : offers) {
            CandidateOutcome outcome = Pipeline.outcome(c, Pipeline.apply(c, aloneContext));
            alone[c.inputOrder()] = outcome;
            if (outcome.reason() == ReasonCode.INVALID_CONFIG) {
                continue;
            }
            boolean monotone = ((OfferRule) c.type()).monotone(c.promotion());
            // a non-monotone offer may apply only next to others, so it is searched even when it fails alone
            if (!monotone || outcome.outcome() == Outcome.APPLIED) {
                searchable.add(c);
                optimistic[c.inputOrder()] = monotone
                        ? outcome.discount() + outcome.freightDiscount()
                        : nonMonotoneBound(c, priced, coverage, aloneContext);
            }
        }

        var search = new BestCombination(cart, priced, policy, reservedMinimum, optimistic, coverage);
        BestCombination.Choice choice = null;
        SearchMode mode;
        var explicitlySkipped = new HashSet<String>();
        if (request.explicitSelection() != null) {
            mode = SearchMode.EXPLICIT;
            var chosen = new ArrayList<Candidate>();
            for (String id : request.explicitSelection()) {
                offers.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> {
                    if (StackingRules.canAdd(chosen, c, policy)) {
                        chosen.add(c);
                    } else {
                        explicitlySkipped.add(c.id());
                    }
                });
            }
            choice = search.evaluate(chosen);
        } else {
            mode = SearchMode.EXACT;
            if (shortcut) {
                choice = ApplyAll.choose(search, searchable, alone, policy);
                if (choice != null) {
                    shortcuts.increment();
                }
            }
            if (choice == null && searchable.size() <= BestCombination.EXACT_LIMIT) {
                choice = search.exact(searchable);
            } else if (choice == null) {
                mode = SearchMode.HEURISTIC;
                choice = search.greedy(searchable);
            }
        }

        Pipeline.Run run = choice.run();
        for (Candidate c : offers) {
            int i = c.inputOrder();
            CandidateOutcome inRun = run.outcomes().get(c.id());
            if (inRun != null) {
                outcomes[i] = inRun;
            } else if (alone[i].outcome() != Outcome.APPLIED) {
                outcomes[i] = alone[i];
            } else if (explicitlySkipped.contains(c.id()) || !StackingRules.canAdd(choice.members(), c, policy)) {
                outcomes[i] = skipped(c, ReasonCode.EXCLUDED_BY_STACKING);
            } else {
                outcomes[i] =
                        skipped(c, mode == SearchMode.EXPLICIT ? ReasonCode.NOT_SELECTED : ReasonCode.NOT_BENEFICIAL);
            }
        }

        var stageDiscounts = List.of(
                new StageDiscount(Stage.ACTIVITY_PRICE, activityDiscount),
                new StageDiscount(Stage.PRICE_LAYER, layerDiscount),
                new StageDiscount(Stage.THRESHOLD, run.thresholdDiscount()),
                new StageDiscount(Stage.COUPON, run.couponDiscount()));
        var lines = new ArrayList<LineResult>(run.lines().size());
        for (LineState l : run.lines()) {
            lines.add(new LineResult(l.id(), l.line.amount(), l.current));
        }
        var selected = new ArrayList<String>(choice.members().size());
        for (Candidate c : choice.members()) {
            selected.add(c.id());
        }
        selected.sort(null);
        return new EvaluationResult(
                subtotal,
                stageDiscounts,
                cart.freight(),
                run.freightDiscount(),
                run.payable(),
                lines,
                run.gifts(),
                // the array is this evaluation's own: wrapped, not copied (100s of candidates per cart)
                Collections.unmodifiableList(Arrays.asList(outcomes)),
                List.copyOf(selected),
                mode);
    }

    private PreparedPromotions prepared(List<Promotion> promotions) {
        PreparedPromotions prepared = lastPrepared;
        if (prepared == null || prepared.promotions != promotions) {
            prepared = new PreparedPromotions(promotions, registry);
            lastPrepared = prepared;
        }
        return prepared;
    }

    /** What a non-monotone offer can add at most: the room of its lines, or less when its rule can tell. */
    private static long nonMonotoneBound(Candidate c, List<LineState> priced, long[] coverage, StageContext alone) {
        long room = room(priced, c, coverage);
        if (c.type() instanceof BuyGetRule) {
            try {
                alone.current(c);
                return Math.min(room, BuyGetRule.upperBound(c.promotion(), alone));
            } catch (RuleType.InvalidConfigException | ArithmeticException e) {
                return room;
            }
        }
        return room;
    }

    private static long room(List<LineState> priced, Candidate c, long[] coverage) {
        long room = 0;
        for (int k = 0; k < priced.size(); k++) {
            LineState l = priced.get(k);
            boolean covered = coverage == null
                    ? c.promotion().scope().covers(l.line)
                    : (coverage[c.inputOrder()] & (1L << k)) != 0;
            if (covered) {
                room += l.room();
            }
        }
        return room;
    }

    static CandidateOutcome notApplicable(Candidate c, ReasonCode reason) {
        return Pipeline.outcome(c, Outcome.NOT_APPLICABLE, reason, List.of(), 0, List.of(), null);
    }

    private static CandidateOutcome skipped(Candidate c, ReasonCode reason) {
        return Pipeline.outcome(c, Outcome.SKIPPED, reason, List.of(), 0, List.of(), null);
    }
}
