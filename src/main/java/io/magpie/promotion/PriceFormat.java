package io.magpie.promotion;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Amounts in minor units as shoppers read them: "¥12.00" in English, "12.00元" in Chinese. */
final class PriceFormat {

    private static final Map<String, String> SYMBOLS =
            Map.of("CNY", "¥", "USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "HKD", "HK$", "TWD", "NT$");

    private PriceFormat() {}

    static String money(long minor, String currency, Locale locale) {
        String amount = decimal(minor, currency);
        if (isChinese(locale) && "CNY".equals(currency)) {
            return amount + "元";
        }
        String symbol = SYMBOLS.get(currency);
        return symbol == null ? currency + " " + amount : symbol + amount;
    }

    /** The bare decimal, e.g. {@code 12.00} (digits of the currency, two when unknown). */
    static String decimal(long minor, String currency) {
        int digits = DIGITS.computeIfAbsent(currency, PriceFormat::digits);
        if (digits == 0) {
            return Long.toString(minor);
        }
        if (digits > 18 || minor == Long.MIN_VALUE) {
            return BigDecimal.valueOf(minor, digits).toPlainString();
        }
        long scale = POWERS[digits];
        long abs = Math.abs(minor);
        String fraction = Long.toString(abs % scale);
        var out = new StringBuilder(24);
        if (minor < 0) {
            out.append('-');
        }
        out.append(abs / scale).append('.');
        for (int i = fraction.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(fraction).toString();
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private static final Map<String, Integer> DIGITS = new ConcurrentHashMap<>();

    private static int digits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** A whole amount without needless decimals, for badges: 200.00 → "200", 59.90 → "59.90". */
    static String compact(long minor, String currency) {
        String full = decimal(minor, currency);
        return full.matches("-?\\d+\\.0+") ? full.substring(0, full.indexOf('.')) : full;
    }

    static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** The locales we answer in: Simplified Chinese for any zh, English otherwise. */
    static Locale supported(Locale requested) {
        return isChinese(requested) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
