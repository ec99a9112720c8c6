package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTests {

    final Formats fmt = new Formats();

    @Test
    void moneyIsFormattedFromMinorUnitsWithTheCurrencySymbol() {
        assertThat(fmt.money(123456L, "CNY")).isEqualTo("¥1,234.56");
        assertThat(fmt.money(5L, "CNY")).isEqualTo("¥0.05");
        assertThat(fmt.money(0L, "CNY")).isEqualTo("¥0.00");
        assertThat(fmt.money(-8800L, "CNY")).isEqualTo("-¥88.00");
        assertThat(fmt.money(123456789012L, "USD")).isEqualTo("$1,234,567,890.12");
        assertThat(fmt.money(1500L, "JPY")).isEqualTo("¥1,500");
        assertThat(fmt.money(100L, "CHF")).isEqualTo("CHF 1.00");
        assertThat(fmt.money(null, "CNY")).isEqualTo("—");
    }

    @Test
    void plainAmountsAreForChartsAndInputs() {
        assertThat(fmt.plain(123456L, "CNY")).isEqualTo("1234.56");
        assertThat(fmt.symbol("EUR")).isEqualTo("€");
    }

    @Test
    void instantsAreShownInTheGivenZone() {
        Instant t = Instant.parse("2026-03-01T17:00:00Z");
        assertThat(fmt.dateTime(t, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-03-02 01:00");
        assertThat(fmt.date(t, ZoneId.of("UTC"))).isEqualTo("2026-03-01");
        assertThat(fmt.dateTime(null, ZoneId.of("UTC"))).isEqualTo("—");
    }

    @Test
    void changesAreSignedPercentages() {
        assertThat(fmt.change(150, 100)).isEqualTo("+50.0%");
        assertThat(fmt.change(50, 200)).isEqualTo("-75.0%");
        assertThat(fmt.change(100, 100)).isEqualTo("0.0%");
        assertThat(fmt.change(100, 0)).isEmpty();
        assertThat(fmt.number(1234567L)).isEqualTo("1,234,567");
    }
}
