package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void arithmeticStaysInMinorUnits() {
        Money a = Money.of(1999, "CNY");
        assertThat(a.times(3).minus(Money.of(97, "CNY"))).isEqualTo(Money.of(5900, "CNY"));
        assertThat(Money.of(5, "CNY").toDecimalString()).isEqualTo("0.05");
        assertThat(Money.of(-1250, "CNY").toDecimalString()).isEqualTo("-12.50");
    }

    @Test
    void currenciesDoNotMixAndOverflowIsCaught() {
        assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD")))
                .isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").times(2)).isInstanceOf(ArithmeticException.class);
    }
}
