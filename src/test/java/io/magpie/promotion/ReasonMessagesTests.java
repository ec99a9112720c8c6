package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.pricing.Nudge;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every reason has a message in English and Chinese; nudges carry amounts in the tenant's currency. */
class ReasonMessagesTests {

    private final ReasonMessages messages = new ReasonMessages(source());

    private static ResourceBundleMessageSource source() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/pricing");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void everyReasonCodeHasAMessageInBothLanguages() {
        List<String> codes = new ArrayList<>(ReasonMessages.COUPON_CODES);
        for (ReasonCode code : ReasonCode.values()) {
            codes.add(ReasonMessages.code(code));
        }
        for (String code : codes) {
            String en = messages.reason(code, Locale.ENGLISH);
            String zh = messages.reason(code, Locale.SIMPLIFIED_CHINESE);
            assertThat(en).as(code).isNotBlank().isNotEqualTo(zh);
            assertThat(zh).as(code).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void nudgesSayHowMuchMoreAndWhatItSaves() {
        var amount = new Nudge(Basis.AMOUNT, 1200, 2000);
        assertThat(messages.nudge(amount, "CNY", Locale.ENGLISH)).isEqualTo("Spend ¥12.00 more to save ¥20.00");
        assertThat(messages.nudge(amount, "CNY", Locale.SIMPLIFIED_CHINESE)).isEqualTo("再买12.00元可减20.00元");
        assertThat(messages.nudge(new Nudge(Basis.ITEMS, 2, 1500), "CNY", Locale.ENGLISH))
                .isEqualTo("Add 2 more item(s) to save ¥15.00");
        assertThat(messages.nudge(new Nudge(Basis.AMOUNT, 123456, 0), "USD", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("再买$1234.56即可参加");
        assertThat(messages.applied(0, 1000, false, "CNY", Locale.ENGLISH)).isEqualTo("Saves ¥10.00 on shipping");
        assertThat(messages.applied(0, 0, true, "CNY", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("已加赠品");
    }

    /** The per-key templates give exactly what MessageFormat gives (both languages, several currencies). */
    @Property(tries = 300)
    void templatesSayExactlyWhatMessageFormatSays(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long a,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long b,
            @ForAll("currencies") String currency,
            @ForAll boolean chinese,
            @ForAll boolean items) {
        var source = source();
        Locale locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        String first = items ? Long.toString(a) : money(a, currency, locale);
        String key = "pricing.nudge." + (items ? "items" : "amount") + (b > 0 ? "" : ".qualify");
        assertThat(messages.nudge(new Nudge(items ? Basis.ITEMS : Basis.AMOUNT, a, b), currency, locale))
                .isEqualTo(source.getMessage(key, new Object[] {first, money(b, currency, locale)}, locale));
        assertThat(messages.applied(a, b, false, currency, locale))
                .isEqualTo(
                        a == 0 && b == 0
                                ? source.getMessage("pricing.applied.nothing", null, locale)
                                : a == 0
                                        ? source.getMessage(
                                                "pricing.applied.freight",
                                                new Object[] {money(b, currency, locale)},
                                                locale)
                                        : source.getMessage(
                                                "pricing.applied", new Object[] {money(a, currency, locale)}, locale));
        assertThat(messages.withNudge("x{0}'y", "z", locale))
                .isEqualTo(source.getMessage("pricing.reason.with_nudge", new Object[] {"x{0}'y", "z"}, locale));
    }

    /** The formatter PriceFormat had before (BigDecimal), as the reference. */
    private static String money(long minor, String currency, Locale locale) {
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        String amount = java.math.BigDecimal.valueOf(minor, digits).toPlainString();
        if (PriceFormat.isChinese(locale) && "CNY".equals(currency)) {
            return amount + "元";
        }
        return java.util.Map.of("CNY", "¥", "USD", "$", "JPY", "¥", "HKD", "HK$")
                        .getOrDefault(currency, currency + " ")
                + amount;
    }

    @Property(tries = 500)
    void decimalsAreWhatBigDecimalSays(@ForAll long minor, @ForAll("currencies") String currency) {
        int digits = "JPY".equals(currency) ? 0 : "BHD".equals(currency) ? 3 : 2;
        assertThat(PriceFormat.decimal(minor, currency))
                .isEqualTo(java.math.BigDecimal.valueOf(minor, digits).toPlainString());
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("CNY", "USD", "JPY", "HKD", "BHD", "XYZ");
    }

    @Test
    void badgePercentsReadAsChineseDiscounts() {
        assertThat(PromotionBadges.percent(2000, Locale.SIMPLIFIED_CHINESE)).isEqualTo("8折");
        assertThat(PromotionBadges.percent(1500, Locale.SIMPLIFIED_CHINESE)).isEqualTo("8.5折");
        assertThat(PromotionBadges.percent(1250, Locale.ENGLISH)).isEqualTo("12.5%");
    }
}
