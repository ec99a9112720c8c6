package io.magpie.promotion.pricing;

import static io.magpie.promotion.pricing.Fixtures.allocated;
import static io.magpie.promotion.pricing.Fixtures.best;
import static io.magpie.promotion.pricing.Fixtures.cart;
import static io.magpie.promotion.pricing.Fixtures.coupon;
import static io.magpie.promotion.pricing.Fixtures.explicit;
import static io.magpie.promotion.pricing.Fixtures.floored;
import static io.magpie.promotion.pricing.Fixtures.line;
import static io.magpie.promotion.pricing.Fixtures.promo;
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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples, one or more per rule type, amounts in fen. */
class RuleTypesTests {

    static final Customer GOLD = new Customer("c1", "GOLD", Set.of());

    @Test
    void memberPriceAndLimitedTimeDoNotStackTheBetterOneWins() {
        Promotion limited = promo("lt", "LIMITED_TIME_PRICE", PriceOff.percent(2000));
        Promotion member = promo("mp", "MEMBER_PRICE", PriceOff.fixed(7500)).withTiers(Set.of("GOLD"));

        var gold = best(cart(GOLD, 0, line("a", 2, 10000)), List.of(limited, member), List.of());
        assertThat(gold.payable()).isEqualTo(15000);
        assertThat(gold.candidate("mp").outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(gold.candidate("mp").discount()).isEqualTo(5000);
        assertThat(gold.candidate("lt").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(gold.candidate("lt").reason()).isEqualTo(ReasonCode.SUPERSEDED_BY_BETTER_PRICE);

        var guest = best(cart(line("a", 2, 10000)), List.of(limited, member), List.of());
        assertThat(guest.payable()).isEqualTo(16000);
        assertThat(guest.candidate("mp").reason()).isEqualTo(ReasonCode.CUSTOMER_NOT_ELIGIBLE);
        assertThat(guest.discountByStage()).contains(new StageDiscount(Stage.PRICE_LAYER, 4000));
    }

    @Test
    void trialPriceOnlyForFirstPurchases() {
        Promotion trial = promo("tr", "TRIAL_PRICE", PriceOff.fixed(100));
        var first = new CartLine("a", "sku-a", "p", Set.of(), null, 1, 5000, null, true);
        assertThat(best(cart(first, line("b", 1, 5000)), List.of(trial), List.of())
                        .payable())
                .isEqualTo(5100);
        assertThat(best(cart(line("b", 1, 5000)), List.of(trial), List.of())
                        .candidate("tr")
                        .reason())
                .isEqualTo(ReasonCode.NO_ELIGIBLE_ITEMS);
    }

    @Test
    void priceLayerStopsAtTheFloorAndSaysSo() {
        var result = best(
                cart(floored("a", 2, 10000, 9000)),
                List.of(promo("lt", "LIMITED_TIME_PRICE", PriceOff.percent(2000))),
                List.of());
        assertThat(result.payable()).isEqualTo(18000);
        assertThat(result.candidate("lt").reason()).isEqualTo(ReasonCode.FLOOR_PRICE_LIMITED);
    }

    @Test
    void initialPercentBaseUsesTheListPrice() {
        Promotion p = promo("lt", "LIMITED_TIME_PRICE", PriceOff.percent(850)).withPercentBase(PercentBase.INITIAL);
        // 8.5% of 0.05 is 0.425 fen: rounds to nothing
        assertThat(best(cart(line("a", 1, 5)), List.of(p), List.of()).payable()).isEqualTo(5);
        assertThat(best(cart(line("a", 1, 6)), List.of(p), List.of()).payable()).isEqualTo(5);
    }

    static final Promotion LADDER = promo(
            "mj",
            "THRESHOLD_AMOUNT_OFF",
            new TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20000, 3000), new AmountTier(10000, 1000))));

    @Test
    void tiersAreInclusiveAndTheHighestMetAppliesWithANudgeToTheNext() {
        var below = best(cart(line("a", 1, 9999)), List.of(LADDER), List.of());
        assertThat(below.candidate("mj").reason()).isEqualTo(ReasonCode.THRESHOLD_NOT_MET);
        assertThat(below.candidate("mj").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 1, 1000));
        assertThat(below.payable()).isEqualTo(9999);

        var first = best(cart(line("a", 1, 10000)), List.of(LADDER), List.of());
        assertThat(first.candidate("mj").discount()).isEqualTo(1000);
        assertThat(first.candidate("mj").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 10000, 3000));

        var top = best(cart(line("a", 1, 20000)), List.of(LADDER), List.of());
        assertThat(top.candidate("mj").discount()).isEqualTo(3000);
        assertThat(top.candidate("mj").nudge()).isNull();
    }

    @Test
    void spendTwelveMoreToSaveTwenty() {
        Promotion p = promo(
                "mj", "THRESHOLD_AMOUNT_OFF", new TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(10000, 2000))));
        var result = best(cart(line("a", 1, 8800)), List.of(p), List.of());
        assertThat(result.candidate("mj").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.candidate("mj").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 1200, 2000));
    }

    @Test
    void thresholdByItemCount() {
        Promotion p =
                promo("mj", "THRESHOLD_AMOUNT_OFF", new TieredAmountOff(Basis.ITEMS, List.of(new AmountTier(3, 500))));
        assertThat(best(cart(line("a", 2, 1000)), List.of(p), List.of())
                        .candidate("mj")
                        .nudge())
                .isEqualTo(new Nudge(Basis.ITEMS, 1, 500));
        assertThat(best(cart(line("a", 3, 1000)), List.of(p), List.of()).payable())
                .isEqualTo(2500);
    }

    @Test
    void thresholdDiscountIsProratedByLargestRemainder() {
        Promotion p = promo("off", "AMOUNT_OFF", new AmountOff(1000, 0));
        var result = best(cart(line("l1", 1, 3333), line("l2", 1, 3333), line("l3", 1, 3333)), List.of(p), List.of());
        CandidateOutcome off = result.candidate("off");
        assertThat(off.allocations())
                .containsExactly(new Allocation("l1", 334), new Allocation("l2", 333), new Allocation("l3", 333));
        assertThat(result.payable()).isEqualTo(8999);
    }

    @Test
    void everyFullAmountRepeatsUpToItsCap() {
        Promotion p = promo("every", "EVERY_AMOUNT_OFF", new EveryAmountOff(10000, 1000, 2500L));
        var result = best(cart(line("a", 1, 35000)), List.of(p), List.of());
        assertThat(result.candidate("every").discount()).isEqualTo(2500);
        assertThat(result.candidate("every").reason()).isEqualTo(ReasonCode.CAPPED);

        var uncapped = best(
                cart(line("a", 1, 25000)),
                List.of(promo("every", "EVERY_AMOUNT_OFF", new EveryAmountOff(10000, 1000, null))),
                List.of());
        assertThat(uncapped.candidate("every").discount()).isEqualTo(2000);
        assertThat(uncapped.candidate("every").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 5000, 1000));
    }

    @Test
    void spendXGetPercentOffRoundsOnceThenCaps() {
        Promotion p = promo(
                "mz",
                "THRESHOLD_PERCENT_OFF",
                new TieredPercentOff(Basis.AMOUNT, List.of(new PercentTier(10000, 1000)), null));
        assertThat(best(cart(line("a", 1, 12345)), List.of(p), List.of())
                        .candidate("mz")
                        .discount())
                .isEqualTo(1235);
        Promotion capped = promo(
                "mz",
                "THRESHOLD_PERCENT_OFF",
                new TieredPercentOff(Basis.AMOUNT, List.of(new PercentTier(10000, 1000)), 1000L));
        var result = best(cart(line("a", 1, 12345)), List.of(capped), List.of());
        assertThat(result.candidate("mz").discount()).isEqualTo(1000);
        assertThat(result.candidate("mz").reason()).isEqualTo(ReasonCode.CAPPED);
    }

    @Test
    void spendXGetAGiftAtZero() {
        Promotion p = promo("gift", "THRESHOLD_GIFT", new Gift(Basis.AMOUNT, 5000, "mug", 1));
        var result = best(cart(line("a", 1, 5000)), List.of(p), List.of());
        assertThat(result.gifts()).containsExactly(new GiftLine("gift", "mug", 1));
        assertThat(result.payable()).isEqualTo(5000);
        assertThat(best(cart(line("a", 1, 4999)), List.of(p), List.of()).gifts())
                .isEmpty();
    }

    @Test
    void buyTwoGetOneGivesTheCheapestUnit() {
        Promotion p = promo("bxgy", "BUY_X_GET_Y", new BuyGet(2, 1, 10000, null));
        var result = best(cart(line("a", 2, 3000), line("b", 1, 1000), line("c", 1, 2000)), List.of(p), List.of());
        CandidateOutcome bxgy = result.candidate("bxgy");
        assertThat(bxgy.discount()).isEqualTo(1000);
        assertThat(bxgy.allocations()).containsExactly(new Allocation("b", 1000));
        assertThat(result.payable()).isEqualTo(8000);
    }

    @Test
    void unitsUsedByBuyXGetYAreNotGroupedAgainInTheSameStage() {
        Promotion bxgy =
                promo("bxgy", "BUY_X_GET_Y", new BuyGet(2, 1, 10000, null)).withPriority(10);
        Promotion anyTwo = promo("n", "ANY_N_FOR_PRICE", new AnyNForPrice(2, 1000));
        Cart cart = cart(line("a", 2, 3000), line("b", 1, 1000), line("c", 1, 2000));
        var both = explicit(cart, List.of(bxgy, anyTwo), List.of(), "bxgy", "n");
        assertThat(both.candidate("bxgy").discount()).isEqualTo(1000);
        assertThat(both.candidate("n").reason()).isEqualTo(ReasonCode.THRESHOLD_NOT_MET);
        assertThat(both.candidate("n").nudge()).isEqualTo(new Nudge(Basis.ITEMS, 1, 0));

        // alone, 2 for 10.00 groups the dearest units: (30+30) and (20+10) → saves 50 + 20
        var recommended = best(cart, List.of(bxgy, anyTwo), List.of());
        assertThat(recommended.selected()).containsExactly("n");
        assertThat(recommended.candidate("n").discount()).isEqualTo(7000);
        assertThat(recommended.candidate("bxgy").reason()).isEqualTo(ReasonCode.NOT_BENEFICIAL);
    }

    @Test
    void anyThreeForAPriceGroupsTheDearestAndSkipsGroupsThatWouldCostMore() {
        Promotion p = promo("n", "ANY_N_FOR_PRICE", new AnyNForPrice(3, 10000));
        var result = best(
                cart(line("a", 1, 5000), line("b", 1, 4000), line("c", 1, 3000), line("d", 3, 1000)),
                List.of(p),
                List.of());
        assertThat(result.candidate("n").discount()).isEqualTo(2000);
        assertThat(allocated(result.candidate("n"), "d")).isZero();
    }

    @Test
    void freeShippingFromAMinimumSpend() {
        Promotion p = promo("ship", "FREE_SHIPPING", new FreeShipping(5000, null));
        var result = best(cart(Customer.anonymous(), 800, line("a", 1, 6000)), List.of(p), List.of());
        assertThat(result.freightDiscount()).isEqualTo(800);
        assertThat(result.payable()).isEqualTo(6000);
        var short_ = best(cart(Customer.anonymous(), 800, line("a", 1, 4000)), List.of(p), List.of());
        assertThat(short_.candidate("ship").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 1000, 800));
        assertThat(short_.payable()).isEqualTo(4800);
        assertThat(best(cart(line("a", 1, 6000)), List.of(p), List.of())
                        .candidate("ship")
                        .reason())
                .isEqualTo(ReasonCode.NO_FREIGHT);
    }

    @Test
    void amountOffACategoryOnlyTouchesThatCategory() {
        var shoe = new CartLine("a", "s1", "p1", Set.of("shoes", "apparel"), "acme", 1, 8000, null, false);
        var hat = new CartLine("b", "s2", "p2", Set.of("hats", "apparel"), "acme", 1, 2000, null, false);
        Promotion p = Promotion.of("off", "AMOUNT_OFF", Scope.categories("shoes"), new AmountOff(1000, 0));
        var result = best(cart(shoe, hat), List.of(p), List.of());
        assertThat(result.candidate("off").allocations()).containsExactly(new Allocation("a", 1000));
        Promotion excluded = Promotion.of(
                "ex",
                "AMOUNT_OFF",
                new Scope(null, Set.of("apparel"), null, null, null, Set.of("acme")),
                new AmountOff(1000, 0));
        assertThat(best(cart(shoe, hat), List.of(excluded), List.of())
                        .candidate("ex")
                        .reason())
                .isEqualTo(ReasonCode.NO_ELIGIBLE_ITEMS);
    }

    @Test
    void percentCouponWithCap() {
        var result = best(
                cart(line("a", 1, 10000)),
                List.of(),
                List.of(coupon("c", "COUPON_PERCENT", new PercentOff(2000, 1500L, 0))));
        assertThat(result.candidate("c").discount()).isEqualTo(1500);
        assertThat(result.candidate("c").reason()).isEqualTo(ReasonCode.CAPPED);
    }

    @Test
    void twoPercentsMultiplyNeverAdd() {
        Promotion tenOff = promo("p10", "PERCENT_OFF", new PercentOff(1000, null, 0));
        Coupon twentyOff = coupon("c20", "COUPON_PERCENT", new PercentOff(2000, null, 0));
        var result = best(cart(line("a", 1, 10000)), List.of(tenOff), List.of(twentyOff));
        assertThat(result.payable()).isEqualTo(7200);
        assertThat(result.candidate("c20").discount()).isEqualTo(1800);
    }

    @Test
    void couponThresholdIsCheckedAfterThePromotions() {
        Promotion off = promo("off", "AMOUNT_OFF", new AmountOff(1000, 0));
        Coupon threshold = coupon(
                "c", "COUPON_THRESHOLD", new TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(10000, 1000))));
        var both = explicit(cart(line("a", 1, 10500)), List.of(off), List.of(threshold), "off", "c");
        assertThat(both.candidate("c").reason()).isEqualTo(ReasonCode.THRESHOLD_NOT_MET);
        assertThat(both.candidate("c").nudge()).isEqualTo(new Nudge(Basis.AMOUNT, 500, 1000));
        assertThat(both.payable()).isEqualTo(9500);

        // 9500 either way: the promotion wins because it uses no coupon
        var recommended = best(cart(line("a", 1, 10500)), List.of(off), List.of(threshold));
        assertThat(recommended.selected()).containsExactly("off");
        assertThat(recommended.candidate("c").outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void cashVoucherIgnoresThresholdsAndNeverMakesTheOrderFreeUnlessAllowed() {
        Coupon voucher = coupon("v", "CASH_VOUCHER", new AmountOff(10000, 99999));
        var result = best(cart(line("a", 1, 5000)), List.of(), List.of(voucher));
        assertThat(result.candidate("v").discount()).isEqualTo(4999);
        assertThat(result.candidate("v").reason()).isEqualTo(ReasonCode.LIMITED_BY_REMAINING_AMOUNT);
        assertThat(result.payable()).isEqualTo(1);

        var free = Fixtures.best(cart(line("a", 1, 5000)), List.of(), List.of(voucher), new StackingPolicy(null, true));
        assertThat(free.payable()).isZero();
        assertThat(free.lines()).allSatisfy(l -> assertThat(l.finalAmount()).isZero());
    }

    @Test
    void floorPriceShrinksTheLastDiscountAndSaysSo() {
        Promotion off = promo("off", "AMOUNT_OFF", new AmountOff(12000, 0));
        var result = best(cart(floored("a", 1, 10000, 9500), line("b", 1, 10000)), List.of(off), List.of());
        CandidateOutcome outcome = result.candidate("off");
        assertThat(outcome.reason()).isEqualTo(ReasonCode.FLOOR_PRICE_LIMITED);
        assertThat(outcome.allocations()).containsExactly(new Allocation("a", 500), new Allocation("b", 10000));
        assertThat(result.lines()).contains(new LineResult("a", 10000, 9500));
        assertThat(result.payable()).isEqualTo(9500);
    }

    @Test
    void activityPriceComesFirstAndTheLimitedTimePercentBaseDecidesWhatItAppliesTo() {
        Promotion flash = promo("flash", "ACTIVITY_PRICE", PriceOff.fixed(6000));
        Promotion cascading = promo("lt", "LIMITED_TIME_PRICE", PriceOff.percent(2000));
        var onTop = best(cart(line("a", 2, 10000)), List.of(flash, cascading), List.of());
        assertThat(onTop.payable()).isEqualTo(9600);
        assertThat(onTop.discountByStage())
                .containsExactly(
                        new StageDiscount(Stage.ACTIVITY_PRICE, 8000),
                        new StageDiscount(Stage.PRICE_LAYER, 2400),
                        new StageDiscount(Stage.THRESHOLD, 0),
                        new StageDiscount(Stage.COUPON, 0));

        Promotion initial = cascading.withPercentBase(PercentBase.INITIAL);
        var offList = best(cart(line("a", 2, 10000)), List.of(flash, initial), List.of());
        assertThat(offList.payable()).isEqualTo(12000);
        assertThat(offList.candidate("lt").reason()).isEqualTo(ReasonCode.SUPERSEDED_BY_BETTER_PRICE);
    }

    @Test
    void aCapAppliesBeforeProration() {
        Promotion p = promo("pct", "PERCENT_OFF", new PercentOff(5000, 1000L, 0));
        var result = best(cart(line("l1", 1, 3333), line("l2", 1, 3333), line("l3", 1, 3334)), List.of(p), List.of());
        assertThat(result.candidate("pct").allocations())
                .containsExactly(new Allocation("l1", 333), new Allocation("l2", 333), new Allocation("l3", 334));
        assertThat(result.candidate("pct").reason()).isEqualTo(ReasonCode.CAPPED);
    }
}
