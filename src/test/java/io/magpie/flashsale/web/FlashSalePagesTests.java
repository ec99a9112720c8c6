package io.magpie.flashsale.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prices typed into the item form, read back with the digits the form shows them with. */
class FlashSalePagesTests {

    @Test
    void pricesUseTheCurrencysOwnMinorDigits() {
        assertThat(FlashSalePages.minor("9.90", "CNY")).isEqualTo(990L);
        assertThat(FlashSalePages.minor("990", "JPY"))
                .as("the form shows 990 yen as 990; saving it must not make it 99000")
                .isEqualTo(990L);
        assertThat(FlashSalePages.minor("9.9", "JPY"))
                .as("no fractions of a yen")
                .isEqualTo(-1L);
        assertThat(FlashSalePages.minor("1.234", "CNY")).isEqualTo(-1L);
        assertThat(FlashSalePages.minor("abc", "CNY")).isEqualTo(-1L);
        assertThat(FlashSalePages.minor(" ", "CNY")).isNull();
    }
}
