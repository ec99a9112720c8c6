package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorUnitsTests {

    @Test
    void decimalsBecomeExactMinorUnits() {
        assertThat(MinorUnits.parse("19.99", 2)).isEqualTo(1999);
        assertThat(MinorUnits.parse("0.1", 2)).isEqualTo(10);
        assertThat(MinorUnits.parse("20", 2)).isEqualTo(2000);
        assertThat(MinorUnits.parse("0", 2)).isZero();
        assertThat(MinorUnits.parse("100000000.00", 2)).isEqualTo(10_000_000_000L);
        assertThat(MinorUnits.parse("500", 0)).isEqualTo(500);
        assertThat(MinorUnits.digits("CNY")).isEqualTo(2);
        assertThat(MinorUnits.digits("JPY")).isZero();
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"19.999", "-1", "1e3", "1,000", "¥5", "", ".5", "5.", " 5", "100000000.01"}) {
            assertThatThrownBy(() -> MinorUnits.parse(bad, 2))
                    .as(bad)
                    .isInstanceOf(MinorUnits.InvalidAmountException.class);
        }
        assertThatThrownBy(() -> MinorUnits.parse("5.5", 0)).isInstanceOf(MinorUnits.InvalidAmountException.class);
    }
}
