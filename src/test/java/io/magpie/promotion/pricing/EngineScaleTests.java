package io.magpie.promotion.pricing;

import static io.magpie.promotion.pricing.Fixtures.ENGINE;
import static io.magpie.promotion.pricing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A 10-line cart against 100 promotions, most of them for other SKUs: the index keeps it cheap. */
class EngineScaleTests {

    @Test
    void tenLinesAgainstAHundredPromotions() {
        var lines = new ArrayList<CartLine>();
        for (int i = 0; i < 10; i++) {
            lines.add(new CartLine(
                    "l" + i,
                    "sku" + i,
                    "p" + i,
                    Set.of("cat" + (i % 3), "root"),
                    "brand" + (i % 2),
                    1 + i % 3,
                    1000 + 137L * i,
                    null,
                    false));
        }
        var cart = new Cart(lines, Customer.anonymous(), "app", "s1", 800, NOW);
        var promotions = new ArrayList<Promotion>();
        for (int i = 0; i < 100; i++) {
            Scope scope = i < 88 ? Scope.skus("other" + i) : Scope.categories("cat" + (i % 3));
            PromotionConfig config = i % 2 == 0 ? new AmountOff(100 + i, 0) : new PercentOff(100 + i, null, 0);
            promotions.add(Promotion.of("p" + (1000 + i), i % 2 == 0 ? "AMOUNT_OFF" : "PERCENT_OFF", scope, config));
        }
        EvaluationResult result = ENGINE.evaluate(EvaluationRequest.best(cart, promotions, List.of()));
        assertThat(result.searchMode()).isEqualTo(SearchMode.EXACT);
        assertThat(result.selected()).hasSize(12);
        assertThat(result.candidates().stream().filter(c -> c.reason() == ReasonCode.NO_ELIGIBLE_ITEMS))
                .hasSize(88);
    }

    @Test
    void twelveNonMonotoneOffersStillSearchExactly() {
        var lines = new ArrayList<CartLine>();
        for (int i = 0; i < 10; i++) {
            lines.add(new CartLine(
                    "l" + i, "sku" + i, "p" + i, Set.of("cat" + (i % 3)), null, 2, 1000 + 137L * i, null, false));
        }
        var cart = new Cart(lines, Customer.anonymous(), "app", "s1", 0, NOW);
        var promotions = new ArrayList<Promotion>();
        for (int i = 0; i < 12; i++) {
            promotions.add(Promotion.of(
                    "b" + (10 + i),
                    "BUY_X_GET_Y",
                    i % 2 == 0 ? Scope.all() : Scope.categories("cat" + (i % 3)),
                    new PromotionConfig.BuyGet(1 + i % 3, 1, 1000 + 500 * i, 1)));
        }
        EvaluationResult result = ENGINE.evaluate(EvaluationRequest.best(cart, promotions, List.of()));
        assertThat(result.searchMode()).isEqualTo(SearchMode.EXACT);
        assertThat(result.payable()).isLessThan(result.subtotal());
    }
}
