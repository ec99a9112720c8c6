package io.magpie.promotion.pricing;

import static io.magpie.promotion.pricing.Fixtures.ENGINE;
import static io.magpie.promotion.pricing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.AnyNForPrice;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.BuyGet;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import io.magpie.promotion.pricing.PromotionConfig.Gift;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import io.magpie.promotion.pricing.PromotionConfig.PercentTier;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredPercentOff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Money and search invariants on random small carts with up to six interacting candidates. */
class EnginePropertiesTests {

    /** The same engine without the "apply everything" shortcut: always the branch and bound search. */
    static final CartEvaluator FULL_SEARCH = new CartEvaluator(RuleRegistry.standard(), false);

    @Property(tries = 1000)
    void moneyAddsUpAndNothingGoesNegative(@ForAll("requests") EvaluationRequest request) {
        EvaluationResult result = ENGINE.evaluate(request);
        Cart cart = request.cart();
        for (CandidateOutcome c : result.candidates()) {
            assertThat(c.allocations().stream().mapToLong(Allocation::amount).sum())
                    .isEqualTo(c.discount());
            assertThat(c.allocations()).allSatisfy(a -> assertThat(a.amount()).isPositive());
            if (c.outcome() != Outcome.APPLIED) {
                assertThat(c.discount()).isZero();
                assertThat(c.freightDiscount()).isZero();
            }
        }
        for (LineResult line : result.lines()) {
            CartLine original = cart.lines().stream()
                    .filter(l -> l.lineId().equals(line.lineId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(line.finalAmount())
                    .isGreaterThanOrEqualTo(original.floorAmount())
                    .isNotNegative();
            assertThat(line.finalAmount()).isLessThanOrEqualTo(line.originalAmount());
        }
        long finals = result.lines().stream().mapToLong(LineResult::finalAmount).sum();
        long discounts = result.candidates().stream()
                .mapToLong(CandidateOutcome::discount)
                .sum();
        assertThat(discounts).isEqualTo(result.totalDiscount());
        assertThat(finals).isEqualTo(result.subtotal() - result.totalDiscount());
        assertThat(result.freightDiscount()).isBetween(0L, result.freight());
        assertThat(result.payable())
                .isEqualTo(result.subtotal() - result.totalDiscount() + result.freight() - result.freightDiscount());
        if (result.subtotal() > 0 && !request.policy().allowFreeOrder()) {
            assertThat(finals).isPositive();
        }
    }

    @Property(tries = 500)
    void theRecommendationIsNeverWorseThanAnyAllowedCombination(@ForAll("requests") EvaluationRequest request) {
        EvaluationResult best = ENGINE.evaluate(request);
        List<String> ids = best.candidates().stream()
                .filter(c -> c.stage() == Stage.THRESHOLD || c.stage() == Stage.COUPON)
                .map(CandidateOutcome::candidateId)
                .toList();
        for (int mask = 0; mask < (1 << ids.size()); mask++) {
            var subset = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(ids.get(i));
                }
            }
            var forced = ENGINE.evaluate(new EvaluationRequest(
                    request.cart(), request.promotions(), request.coupons(), request.policy(), subset));
            assertThat(best.payable()).as("subset %s", subset).isLessThanOrEqualTo(forced.payable());
        }
    }

    /**
     * The exact search (incremental pipeline states shared between combinations with the same prefix) picks
     * exactly the combination a brute force over every subset picks with the full tie-break.
     */
    @Property(tries = 500)
    void theExactSearchPicksWhatBruteForceWithTheTieBreakPicks(@ForAll("requests") EvaluationRequest request) {
        EvaluationResult best = ENGINE.evaluate(request);
        Assume.that(best.searchMode() == SearchMode.EXACT);
        List<String> ids = best.candidates().stream()
                .filter(c -> c.stage() == Stage.THRESHOLD || c.stage() == Stage.COUPON)
                .map(CandidateOutcome::candidateId)
                .toList();
        Map<String, Instant> expiry = new HashMap<>();
        request.coupons().forEach(c -> expiry.put(c.couponId(), c.expiresAt()));
        Comparator<EvaluationResult> tieBreak = Comparator.<EvaluationResult>comparingLong(EvaluationResult::payable)
                .thenComparingLong(
                        r -> r.selected().stream().filter(expiry::containsKey).count())
                .thenComparing(
                        r -> r.selected().stream()
                                .filter(expiry::containsKey)
                                .map(expiry::get)
                                .sorted()
                                .toList(),
                        EnginePropertiesTests::compareInstants)
                .thenComparing(
                        Comparator.<EvaluationResult>comparingInt(r -> r.gifts().size())
                                .reversed())
                .thenComparingInt(r -> r.selected().size())
                .thenComparing(r -> String.join(",", r.selected()));
        EvaluationResult brute = null;
        for (int mask = 0; mask < (1 << ids.size()); mask++) {
            var subset = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(ids.get(i));
                }
            }
            var forced = ENGINE.evaluate(new EvaluationRequest(
                    request.cart(), request.promotions(), request.coupons(), request.policy(), subset));
            if (forced.selected().size() == subset.size() && (brute == null || tieBreak.compare(forced, brute) < 0)) {
                brute = forced;
            }
        }
        assertThat(best.selected()).isEqualTo(brute.selected());
        assertThat(best.payable()).isEqualTo(brute.payable());
        assertThat(best.gifts()).isEqualTo(brute.gifts());
    }

    /**
     * The bound the search credits a buy-X-get-Y offer with (it is not monotone) holds in every combination:
     * computed on the price-layer lines, never below what the offer gives next to any other members.
     */
    @Property(tries = 150, maxDiscardRatio = 40)
    void aBuyGetOfferNeverGivesMoreThanItsBound(@ForAll("requests") EvaluationRequest request) {
        List<Promotion> buyGets = request.promotions().stream()
                .filter(p -> p.typeId().equals("BUY_X_GET_Y"))
                .toList();
        Assume.that(!buyGets.isEmpty());
        EvaluationResult none = ENGINE.evaluate(new EvaluationRequest(
                request.cart(), request.promotions(), request.coupons(), request.policy(), List.of()));
        var lines = new ArrayList<LineState>();
        for (int i = 0; i < request.cart().lines().size(); i++) {
            var l = new LineState(request.cart().lines().get(i));
            l.current = none.lines().get(i).finalAmount();
            l.stageEntry = l.current;
            lines.add(l);
        }
        var alone = new StageContext(
                request.cart(),
                lines,
                0,
                request.cart().freight(),
                request.policy().oneOfferPerLine(),
                null);
        Map<String, Long> bound = new HashMap<>();
        for (Promotion p : buyGets) {
            bound.put(p.id(), BuyGetRule.upperBound(p, alone));
        }
        List<String> ids = ENGINE.evaluate(request).candidates().stream()
                .filter(c -> c.stage() == Stage.THRESHOLD || c.stage() == Stage.COUPON)
                .map(CandidateOutcome::candidateId)
                .toList();
        for (int mask = 0; mask < (1 << ids.size()); mask++) {
            var subset = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(ids.get(i));
                }
            }
            var forced = ENGINE.evaluate(new EvaluationRequest(
                    request.cart(), request.promotions(), request.coupons(), request.policy(), subset));
            for (CandidateOutcome o : forced.candidates()) {
                if (bound.containsKey(o.candidateId())) {
                    assertThat(o.discount())
                            .as("%s in %s", o.candidateId(), subset)
                            .isLessThanOrEqualTo(bound.get(o.candidateId()));
                }
            }
        }
    }

    private static int compareInstants(List<Instant> a, List<Instant> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Property(tries = 500)
    void theCombinableRecommendationIsNeverWorseThanAnyAllowedCombination(
            @ForAll("combinableRequests") EvaluationRequest request) {
        theRecommendationIsNeverWorseThanAnyAllowedCombination(request);
    }

    @Property(tries = 1000)
    void theShortcutGivesExactlyWhatTheFullSearchGives(@ForAll("requests") EvaluationRequest request) {
        assertThat(ENGINE.evaluate(request)).isEqualTo(FULL_SEARCH.evaluate(request));
    }

    @Property(tries = 1000)
    void onCombinableCartsTooTheShortcutGivesWhatTheFullSearchGives(
            @ForAll("combinableRequests") EvaluationRequest request) {
        assertThat(ENGINE.evaluate(request)).isEqualTo(FULL_SEARCH.evaluate(request));
    }

    @Example
    void theShortcutAnswersMostCombinableCarts() {
        var engine = new CartEvaluator();
        var requests = combinableRequests()
                .filter(r -> r.promotions().size() + r.coupons().size() >= 2)
                .sampleStream()
                .limit(400)
                .toList();
        for (EvaluationRequest request : requests) {
            assertThat(engine.evaluate(request)).isEqualTo(FULL_SEARCH.evaluate(request));
        }
        assertThat(engine.shortcuts.sum()).isGreaterThan(requests.size() / 4);
    }

    @Property(tries = 150)
    void evaluationIsDeterministic(@ForAll("requests") EvaluationRequest request, @ForAll long seed) {
        EvaluationResult first = ENGINE.evaluate(request);
        assertThat(ENGINE.evaluate(request)).isEqualTo(first);
        var promotions = new ArrayList<>(request.promotions());
        var coupons = new ArrayList<>(request.coupons());
        Collections.shuffle(promotions, new Random(seed));
        Collections.shuffle(coupons, new Random(seed));
        var shuffled =
                ENGINE.evaluate(new EvaluationRequest(request.cart(), promotions, coupons, request.policy(), null));
        assertThat(shuffled.payable()).isEqualTo(first.payable());
        assertThat(shuffled.selected()).isEqualTo(first.selected());
        for (CandidateOutcome c : first.candidates()) {
            assertThat(shuffled.candidate(c.candidateId())).isEqualTo(c);
        }
    }

    @Property(tries = 500)
    void prorationSharesSumExactlyAndRespectCapacities(
            @ForAll("weights") List<Long> weights, @ForAll("fractions") int permille) {
        var ids = new ArrayList<String>();
        long[] w = new long[weights.size()];
        long[] caps = new long[weights.size()];
        for (int i = 0; i < weights.size(); i++) {
            ids.add("l" + i);
            w[i] = weights.get(i);
            caps[i] = weights.get(i) - weights.get(i) * (i % 3) / 4;
        }
        long capacity = LongStream.of(caps).sum();
        long total = capacity * permille / 1000;
        long[] shares = Proration.allocate(total, ids, w, caps);
        assertThat(LongStream.of(shares).sum()).isEqualTo(total);
        for (int i = 0; i < shares.length; i++) {
            assertThat(shares[i]).isBetween(0L, caps[i]);
        }
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> fractions() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<EvaluationRequest> requests() {
        return requests(false);
    }

    /** Requests where "apply everything" is often provably best: the shortcut answers many of them. */
    @Provide
    Arbitrary<EvaluationRequest> combinableRequests() {
        return requests(true);
    }

    private static Arbitrary<EvaluationRequest> requests(boolean combinable) {
        Arbitrary<List<CartLine>> lines =
                line().list().ofMinSize(1).ofMaxSize(4).map(EnginePropertiesTests::numbered);
        Arbitrary<Customer> customer =
                Arbitraries.of("GOLD", "SILVER", "").map(t -> new Customer("c", t.isEmpty() ? null : t, Set.of()));
        Arbitrary<Long> freight = Arbitraries.of(0L, 600L, 1000L);
        Arbitrary<List<Promotion>> candidates =
                candidate(combinable).list().ofMinSize(0).ofMaxSize(6).map(EnginePropertiesTests::unique);
        Arbitrary<List<Promotion>> prices = priceRule().list().ofMaxSize(2).map(EnginePropertiesTests::unique);
        Arbitrary<StackingPolicy> policy = combinable
                ? Arbitraries.of(
                        StackingPolicy.unlimited(),
                        new StackingPolicy(Map.of(), true),
                        new StackingPolicy(Map.of(), false, true))
                : Arbitraries.of(
                        StackingPolicy.unlimited(),
                        new StackingPolicy(Map.of("store", 1, "platform", 1), false),
                        new StackingPolicy(Map.of("store", 1), true),
                        new StackingPolicy(Map.of("platform", 1), false, true));
        return Combinators.combine(lines, customer, freight, candidates, prices, policy)
                .as((ls, cu, fr, cands, ps, pol) -> {
                    var cart = new Cart(ls, cu, "app", "s1", fr, NOW);
                    var promotions = new ArrayList<Promotion>();
                    var coupons = new ArrayList<Coupon>();
                    for (Promotion p : ps) {
                        promotions.add(rename(p, "price-" + p.id()));
                    }
                    int i = 0;
                    for (Promotion p : cands) {
                        if (p.typeId().startsWith("COUPON") || p.typeId().equals("CASH_VOUCHER")) {
                            coupons.add(new Coupon(
                                    "cp" + i, rename(p, "tpl" + i), null, NOW.plusSeconds(3600L * (1 + i % 3))));
                        } else {
                            promotions.add(rename(p, "pr" + i));
                        }
                        i++;
                    }
                    return new EvaluationRequest(cart, promotions, coupons, pol, null);
                });
    }

    private static Arbitrary<CartLine> line() {
        return Combinators.combine(
                        Arbitraries.of("s1", "s2", "s3"),
                        Arbitraries.of(Set.of("x"), Set.of("y"), Set.of("x", "y")),
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(1, 20_000),
                        Arbitraries.integers().between(0, 100).injectNull(0.6),
                        Arbitraries.of(true, false))
                .as((sku, cats, qty, price, floorPct, first) -> new CartLine(
                        "tmp",
                        sku,
                        sku,
                        cats,
                        "b",
                        qty,
                        price,
                        floorPct == null ? null : price * floorPct / 100,
                        first));
    }

    private static List<CartLine> numbered(List<CartLine> lines) {
        var result = new ArrayList<CartLine>();
        for (int i = 0; i < lines.size(); i++) {
            CartLine l = lines.get(i);
            result.add(new CartLine(
                    "l" + i,
                    l.sku(),
                    l.productCode(),
                    l.categoryIds(),
                    l.brand(),
                    l.quantity(),
                    l.unitPrice(),
                    l.floorUnitPrice(),
                    l.firstPurchase()));
        }
        return result;
    }

    private static List<Promotion> unique(List<Promotion> promotions) {
        var result = new ArrayList<Promotion>();
        for (int i = 0; i < promotions.size(); i++) {
            result.add(rename(promotions.get(i), "p" + i));
        }
        return result;
    }

    private static Promotion rename(Promotion p, String id) {
        return new Promotion(
                id,
                p.typeId(),
                p.stacking(),
                p.stackGroup(),
                p.priority(),
                p.scope(),
                p.percentBase(),
                p.config(),
                p.tiers(),
                p.channels(),
                p.stores(),
                p.startsAt(),
                p.endsAt());
    }

    private static Arbitrary<Promotion> priceRule() {
        Arbitrary<PriceOff> config = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 15_000).map(PriceOff::fixed),
                Arbitraries.integers().between(0, 10_000).map(PriceOff::percent));
        return Combinators.combine(
                        Arbitraries.of("ACTIVITY_PRICE", "LIMITED_TIME_PRICE", "MEMBER_PRICE", "TRIAL_PRICE"),
                        config,
                        scope())
                .as((type, c, scope) -> Promotion.of("x", type, scope, c));
    }

    private static Arbitrary<Scope> scope() {
        return Arbitraries.of(Scope.all(), Scope.categories("x"), Scope.skus("s1", "s2"));
    }

    private static Arbitrary<Long> amount() {
        return Arbitraries.longs().between(0, 20_000);
    }

    private static Arbitrary<Promotion> candidate() {
        return candidate(false);
    }

    /** @param combinable only monotone types, never exclusive, no groups: where "apply everything" may be provable */
    private static Arbitrary<Promotion> candidate(boolean combinable) {
        Arbitrary<Long> cap = Arbitraries.longs().between(0, 3000).injectNull(0.5);
        Arbitrary<Integer> bp = Arbitraries.integers().between(0, 10_000);
        Arbitrary<List<AmountTier>> tiers = Combinators.combine(
                        amount(), Arbitraries.longs().between(0, 5000))
                .as(AmountTier::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<Object[]> typed = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("AMOUNT_OFF", "COUPON_FIXED", "CASH_VOUCHER"), amount(), amount())
                        .as((t, off, min) -> new Object[] {t, new AmountOff(off / 2, min)}),
                Combinators.combine(Arbitraries.of("PERCENT_OFF", "COUPON_PERCENT"), bp, cap, amount())
                        .as((t, b, c, min) -> new Object[] {t, new PercentOff(b, c, min)}),
                Combinators.combine(
                                Arbitraries.of("THRESHOLD_AMOUNT_OFF", "COUPON_THRESHOLD"),
                                Arbitraries.of(Basis.values()),
                                tiers)
                        .as((t, basis, ts) -> new Object[] {
                            t,
                            new TieredAmountOff(
                                    basis,
                                    basis == Basis.ITEMS
                                            ? ts.stream()
                                                    .map(x -> new AmountTier(x.threshold() % 6, x.amountOff()))
                                                    .toList()
                                            : ts)
                        }),
                Combinators.combine(Arbitraries.longs().between(1, 10_000), amount(), cap)
                        .as((every, off, c) ->
                                new Object[] {"EVERY_AMOUNT_OFF", new EveryAmountOff(every, off / 4, c)}),
                Combinators.combine(amount(), bp, cap).as((th, b, c) -> new Object[] {
                    "THRESHOLD_PERCENT_OFF", new TieredPercentOff(Basis.AMOUNT, List.of(new PercentTier(th, b)), c)
                }),
                Combinators.combine(
                                Arbitraries.integers().between(1, 2),
                                Arbitraries.integers().between(1, 2),
                                bp)
                        .as((buy, get, b) -> combinable
                                ? new Object[] {"AMOUNT_OFF", new AmountOff(b / 10, 0)}
                                : new Object[] {"BUY_X_GET_Y", new BuyGet(buy, get, b, null)}),
                Combinators.combine(Arbitraries.integers().between(1, 3), amount())
                        .as((n, price) -> combinable
                                ? new Object[] {"PERCENT_OFF", new PercentOff(n * 500, null, price / 4)}
                                : new Object[] {"ANY_N_FOR_PRICE", new AnyNForPrice(n, price)}),
                Combinators.combine(Arbitraries.of("FREE_SHIPPING", "COUPON_FREE_SHIPPING"), amount(), cap)
                        .as((t, min, c) -> new Object[] {t, new FreeShipping(min, c)}),
                amount().map(th -> new Object[] {"THRESHOLD_GIFT", new Gift(Basis.AMOUNT, th, "gift", 1)}));
        return Combinators.combine(
                        typed,
                        combinable
                                ? Arbitraries.of(Stacking.COMMON, Stacking.ALWAYS)
                                : Arbitraries.of(Stacking.values()),
                        combinable
                                ? Arbitraries.just((String) null)
                                : Arbitraries.of("store", "platform", "").map(g -> g.isEmpty() ? null : g),
                        Arbitraries.integers().between(0, 2),
                        scope())
                .as((t, stacking, group, priority, scope) -> Promotion.of(
                                "x", (String) t[0], scope, (PromotionConfig) t[1])
                        .withStacking(stacking, group)
                        .withPriority(priority));
    }
}
