package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPricingTests {

    private static OrderDraft.Line line(int quantity, long unitPrice, long discount) {
        return new OrderDraft.Line("l" + quantity, "sku", quantity, unitPrice, discount);
    }

    @Test
    void pricesLinesThenProratesTheOrderDiscountThenAddsFreight() {
        // gross 3000 - 100 = 2900 and 1000; order discount 390 split 290 : 100
        var priced = OrderPricing.price(List.of(line(3, 1000, 100), line(1, 1000, 0)), 390, 800);
        assertThat(priced.subtotal()).isEqualTo(3900);
        assertThat(priced.total()).isEqualTo(3900 - 390 + 800);
        assertThat(priced.lineDiscounts()).containsExactly(100 + 290, 100);
        assertThat(priced.lineAmounts()).containsExactly(2610, 900);
    }

    @Test
    void aLineDiscountOverTheLineIsRejected() {
        assertThatThrownBy(() -> OrderPricing.price(List.of(line(1, 100, 0), line(2, 100, 201)), 0, 0))
                .isInstanceOfSatisfying(OrderPricing.Rejected.class, r -> {
                    assertThat(r.code).isEqualTo("discount_exceeds_amount");
                    assertThat(r.field).isEqualTo("lines[1].discount");
                });
    }

    @Test
    void anOrderDiscountOverTheSubtotalIsRejected() {
        assertThatThrownBy(() -> OrderPricing.price(List.of(line(1, 100, 50)), 51, 0))
                .isInstanceOfSatisfying(OrderPricing.Rejected.class, r -> {
                    assertThat(r.code).isEqualTo("discount_exceeds_amount");
                    assertThat(r.field).isEqualTo("discount");
                });
    }

    @Test
    void overflowIsABadRequestNotACrash() {
        assertThatThrownBy(() -> OrderPricing.price(List.of(line(1, 100, 0)), 0, Long.MAX_VALUE))
                .isInstanceOfSatisfying(
                        OrderPricing.Rejected.class, r -> assertThat(r.code).isEqualTo("amount_overflow"));
    }
}
