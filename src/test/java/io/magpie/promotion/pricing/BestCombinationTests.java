package io.magpie.promotion.pricing;

import static io.magpie.promotion.pricing.Fixtures.NOW;
import static io.magpie.promotion.pricing.Fixtures.best;
import static io.magpie.promotion.pricing.Fixtures.cart;
import static io.magpie.promotion.pricing.Fixtures.coupon;
import static io.magpie.promotion.pricing.Fixtures.explicit;
import static io.magpie.promotion.pricing.Fixtures.line;
import static io.magpie.promotion.pricing.Fixtures.promo;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BestCombinationTests {

    static Coupon fixed(String id, long off, String group, Duration expiresIn) {
        Promotion template =
                promo("tpl-" + id, "COUPON_FIXED", new AmountOff(off, 0)).withStacking(Stacking.COMMON, group);
        return coupon(id, template, NOW.plus(expiresIn));
    }

    @Test
    void anExclusivePromotionWinsOnlyWhenItSavesMore() {
        Promotion exclusive = promo("ex", "AMOUNT_OFF", new AmountOff(3000, 0)).withStacking(Stacking.EXCLUSIVE, null);
        List<Coupon> commons =
                List.of(fixed("c1", 1000, null, Duration.ofDays(1)), fixed("c2", 1500, null, Duration.ofDays(1)));
        var result = best(cart(line("a", 1, 10000)), List.of(exclusive), commons);
        assertThat(result.selected()).containsExactly("ex");
        assertThat(result.payable()).isEqualTo(7000);
        assertThat(result.candidate("c1").reason()).isEqualTo(ReasonCode.EXCLUDED_BY_STACKING);
        assertThat(result.searchMode()).isEqualTo(SearchMode.EXACT);

        Promotion smaller = promo("ex", "AMOUNT_OFF", new AmountOff(2000, 0)).withStacking(Stacking.EXCLUSIVE, null);
        var other = best(cart(line("a", 1, 10000)), List.of(smaller), commons);
        assertThat(other.selected()).containsExactly("c1", "c2");
        assertThat(other.payable()).isEqualTo(7500);
        assertThat(other.candidate("ex").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(other.candidate("ex").reason()).isEqualTo(ReasonCode.EXCLUDED_BY_STACKING);
    }

    @Test
    void alwaysCombinesEvenWithAnExclusiveOne() {
        Promotion exclusive = promo("ex", "AMOUNT_OFF", new AmountOff(3000, 0)).withStacking(Stacking.EXCLUSIVE, null);
        Promotion always = promo("al", "AMOUNT_OFF", new AmountOff(500, 0)).withStacking(Stacking.ALWAYS, null);
        var result = best(cart(line("a", 1, 10000)), List.of(exclusive, always), List.of());
        assertThat(result.selected()).containsExactly("al", "ex");
        assertThat(result.payable()).isEqualTo(6500);
    }

    @Test
    void atMostOneStoreAndOnePlatformCoupon() {
        var policy = new StackingPolicy(Map.of("store", 1, "platform", 1), false);
        List<Coupon> coupons = List.of(
                fixed("s1", 1000, "store", Duration.ofDays(1)),
                fixed("s2", 1500, "store", Duration.ofDays(1)),
                fixed("p1", 500, "platform", Duration.ofDays(1)));
        var result = best(cart(line("a", 1, 10000)), List.of(), coupons, policy);
        assertThat(result.selected()).containsExactly("p1", "s2");
        assertThat(result.payable()).isEqualTo(8000);
        assertThat(result.candidate("s1").reason()).isEqualTo(ReasonCode.EXCLUDED_BY_STACKING);
    }

    @Test
    void tieBreakSoonestExpiringCouponThenId() {
        var policy = new StackingPolicy(Map.of("store", 1), false);
        var later = fixed("a-later", 1000, "store", Duration.ofDays(5));
        var sooner = fixed("z-sooner", 1000, "store", Duration.ofDays(1));
        assertThat(best(cart(line("a", 1, 10000)), List.of(), List.of(later, sooner), policy)
                        .selected())
                .containsExactly("z-sooner");
        var twin = fixed("b-twin", 1000, "store", Duration.ofDays(5));
        assertThat(best(cart(line("a", 1, 10000)), List.of(), List.of(twin, later), policy)
                        .selected())
                .containsExactly("a-later");
    }

    @Test
    void tieBreakFewestCoupons() {
        Promotion promotion = promo("p", "AMOUNT_OFF", new AmountOff(1000, 0)).withStacking(Stacking.EXCLUSIVE, null);
        Promotion template = promo("t", "COUPON_FIXED", new AmountOff(1000, 0)).withStacking(Stacking.EXCLUSIVE, null);
        var result = best(
                cart(line("a", 1, 10000)), List.of(promotion), List.of(coupon("c", template, NOW.plusSeconds(60))));
        assertThat(result.selected()).containsExactly("p");
        assertThat(result.candidate("c").reason()).isEqualTo(ReasonCode.EXCLUDED_BY_STACKING);
    }

    @Test
    void theCallerMayForceAWorseSelection() {
        List<Coupon> coupons =
                List.of(fixed("small", 100, null, Duration.ofDays(1)), fixed("big", 2000, null, Duration.ofDays(1)));
        var result = explicit(cart(line("a", 1, 10000)), List.of(), coupons, "small");
        assertThat(result.searchMode()).isEqualTo(SearchMode.EXPLICIT);
        assertThat(result.payable()).isEqualTo(9900);
        assertThat(result.candidate("big").reason()).isEqualTo(ReasonCode.NOT_SELECTED);
    }

    @Test
    void anExplicitSelectionThatBreaksStackingKeepsTheFirstAndExplainsTheRest() {
        Promotion a = promo("a", "AMOUNT_OFF", new AmountOff(100, 0)).withStacking(Stacking.EXCLUSIVE, null);
        Promotion b = promo("b", "AMOUNT_OFF", new AmountOff(200, 0));
        var result = explicit(cart(line("x", 1, 10000)), List.of(a, b), List.of(), "a", "b");
        assertThat(result.selected()).containsExactly("a");
        assertThat(result.candidate("b").reason()).isEqualTo(ReasonCode.EXCLUDED_BY_STACKING);
    }

    @Test
    void pastTwelveInteractingCandidatesTheSearchIsHeuristicAndSaysSo() {
        // a group cap of 11 forbids "all of them": a real search
        var policy = new StackingPolicy(Map.of("store", 11), false);
        var twelve = new ArrayList<Coupon>();
        for (int i = 0; i < 12; i++) {
            twelve.add(fixed("c" + (100 + i), 100 + i, "store", Duration.ofDays(1)));
        }
        var exact = best(cart(line("a", 1, 100000)), List.of(), twelve, policy);
        assertThat(exact.searchMode()).isEqualTo(SearchMode.EXACT);
        assertThat(exact.selected()).hasSize(11).doesNotContain("c100");
        var thirteen = new ArrayList<>(twelve);
        thirteen.add(fixed("c200", 200, "store", Duration.ofDays(1)));
        var heuristic = best(cart(line("a", 1, 100000)), List.of(), thirteen, policy);
        assertThat(heuristic.searchMode()).isEqualTo(SearchMode.HEURISTIC);
        assertThat(heuristic.selected()).hasSize(11).contains("c200").doesNotContain("c100", "c101");
    }

    @Test
    void whenEverythingTogetherIsProvablyBestThereIsNoSearchEvenPastTwelve() {
        var thirteen = new ArrayList<Coupon>();
        for (int i = 0; i < 13; i++) {
            thirteen.add(fixed("c" + (100 + i), 100 + i, null, Duration.ofDays(1)));
        }
        var result = best(cart(line("a", 1, 100000)), List.of(), thirteen);
        assertThat(result.searchMode()).isEqualTo(SearchMode.EXACT);
        assertThat(result.selected()).hasSize(13);
        assertThat(result.payable()).isEqualTo(100000 - 13 * 100 - 78);
        // the full search agrees (it is greedy past twelve, and finds the same here)
        var searched = new CartEvaluator(RuleRegistry.standard(), false)
                .evaluate(EvaluationRequest.best(cart(line("a", 1, 100000)), List.of(), thirteen));
        assertThat(searched.searchMode()).isEqualTo(SearchMode.HEURISTIC);
        assertThat(searched.selected()).isEqualTo(result.selected());
        assertThat(searched.candidates()).isEqualTo(result.candidates());
    }

    @Test
    void everyCandidateIsExplained() {
        Promotion notStarted = promo("ns", "AMOUNT_OFF", new AmountOff(100, 0)).withWindow(NOW.plusSeconds(1), null);
        Promotion ended = promo("end", "AMOUNT_OFF", new AmountOff(100, 0)).withWindow(null, NOW);
        Promotion unknown = promo("unk", "NO_SUCH_TYPE", new AmountOff(100, 0));
        Promotion elsewhere = Promotion.of("else", "AMOUNT_OFF", Scope.skus("other"), new AmountOff(100, 0));
        Promotion wrongConfig = promo("cfg", "AMOUNT_OFF", PriceOff.fixed(1));
        Promotion goldOnly = promo("gold", "AMOUNT_OFF", new AmountOff(100, 0)).withTiers(Set.of("GOLD"));
        Coupon expired = new Coupon("exp", promo("t", "COUPON_FIXED", new AmountOff(100, 0)), null, NOW);
        var result = best(
                cart(line("a", 1, 10000)),
                List.of(notStarted, ended, unknown, elsewhere, wrongConfig, goldOnly),
                List.of(expired));
        assertThat(result.candidates())
                .extracting(CandidateOutcome::candidateId, CandidateOutcome::outcome, CandidateOutcome::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ns", Outcome.NOT_APPLICABLE, ReasonCode.NOT_STARTED),
                        org.assertj.core.groups.Tuple.tuple("end", Outcome.NOT_APPLICABLE, ReasonCode.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple("unk", Outcome.NOT_APPLICABLE, ReasonCode.UNKNOWN_TYPE),
                        org.assertj.core.groups.Tuple.tuple(
                                "else", Outcome.NOT_APPLICABLE, ReasonCode.NO_ELIGIBLE_ITEMS),
                        org.assertj.core.groups.Tuple.tuple("cfg", Outcome.NOT_APPLICABLE, ReasonCode.INVALID_CONFIG),
                        org.assertj.core.groups.Tuple.tuple(
                                "gold", Outcome.NOT_APPLICABLE, ReasonCode.CUSTOMER_NOT_ELIGIBLE),
                        org.assertj.core.groups.Tuple.tuple("exp", Outcome.NOT_APPLICABLE, ReasonCode.EXPIRED));
        assertThat(result.payable()).isEqualTo(10000);
    }

    @Test
    void aNewRuleTypeIsOneClassAndARegistration() {
        OfferRule halfOff = new OfferRule() {
            @Override
            public String id() {
                return "HALF_OFF";
            }

            @Override
            public Stage stage() {
                return Stage.THRESHOLD;
            }

            @Override
            public Effect apply(Promotion promotion, StageContext context) {
                var lines = context.eligible(promotion);
                return context.discount(StageContext.currentAmount(lines) / 2, lines, null);
            }
        };
        var engine = new CartEvaluator(RuleRegistry.standard().with(halfOff));
        var result = engine.evaluate(
                EvaluationRequest.best(cart(line("a", 1, 1001)), List.of(promo("h", "HALF_OFF", null)), List.of()));
        assertThat(result.payable()).isEqualTo(501);
    }

    @Test
    void anOfferThatFailsAloneIsStillSearchedWhenItCanApplyNextToAnother() {
        // the cheapest units sit at their floor: alone, buy 2 get 2 has nothing to give
        Promotion bxgy = promo("bxgy", "BUY_X_GET_Y", new PromotionConfig.BuyGet(2, 2, 10000, null));
        Promotion off = promo("off", "AMOUNT_OFF", new AmountOff(10, 0)).withPriority(1);
        Cart cart = cart(Fixtures.floored("l0", 2, 1000, 1000), line("l1", 2, 1001));
        var alone = explicit(cart, List.of(bxgy, off), List.of(), "bxgy");
        assertThat(alone.candidate("bxgy").reason()).isEqualTo(ReasonCode.FLOOR_PRICE_LIMITED);
        assertThat(alone.payable()).isEqualTo(4002);

        // 10.00 off lands on l1 (l0 is at its floor), which makes l1's units the cheapest
        var result = best(cart, List.of(bxgy, off), List.of());
        assertThat(result.selected()).containsExactly("bxgy", "off");
        assertThat(result.candidate("bxgy").discount()).isEqualTo(1992);
        assertThat(result.payable()).isEqualTo(2000);
    }

    @Test
    void theCallerReportsCouponsItsLimitsRefuse() {
        var coupons =
                List.of(fixed("used-up", 2000, null, Duration.ofDays(1)), fixed("ok", 500, null, Duration.ofDays(1)));
        var result = Fixtures.ENGINE.evaluate(new EvaluationRequest(
                cart(line("a", 1, 10000)),
                List.of(),
                coupons,
                StackingPolicy.unlimited(),
                null,
                Map.of("used-up", ReasonCode.CUSTOMER_LIMIT_REACHED)));
        assertThat(result.candidate("used-up").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.candidate("used-up").reason()).isEqualTo(ReasonCode.CUSTOMER_LIMIT_REACHED);
        assertThat(result.payable()).isEqualTo(9500);
    }

    @Test
    void underTheOneOfferPerLinePolicyALineTakesOneOfferPerStage() {
        var shoe = new CartLine("a", "s1", "p1", Set.of("shoes"), null, 1, 8000, null, false);
        var hat = new CartLine("b", "s2", "p2", Set.of("hats"), null, 1, 2000, null, false);
        Promotion shoes = Promotion.of("shoes", "AMOUNT_OFF", Scope.categories("shoes"), new AmountOff(1000, 0))
                .withPriority(1);
        Promotion everything = promo("all", "PERCENT_OFF", new PromotionConfig.PercentOff(1000, null, 0));
        Coupon coupon = fixed("c", 300, null, Duration.ofDays(1));
        var policy = new StackingPolicy(Map.of(), false, true);
        var result = Fixtures.ENGINE.evaluate(
                new EvaluationRequest(cart(shoe, hat), List.of(shoes, everything), List.of(coupon), policy, null));
        assertThat(result.selected()).containsExactly("all", "c", "shoes");
        assertThat(result.candidate("all").allocations()).containsExactly(new Allocation("b", 200));
        // the coupon is another stage: it may discount a line again
        assertThat(result.candidate("c").discount()).isEqualTo(300);
        assertThat(result.payable()).isEqualTo(10000 - 1000 - 200 - 300);

        var many = best(cart(shoe, hat), List.of(shoes, everything), List.of(coupon));
        assertThat(many.candidate("all").allocations())
                .containsExactly(new Allocation("a", 700), new Allocation("b", 200));
    }
}
