package io.magpie.console;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Display formats every console template shares as {@code #fmt}: amounts from minor units with
 * the currency's symbol ({@code ¥1,234.56}), counts with grouping, instants in a time zone.
 */
final class Formats {

    static final String NONE = "—";

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("CNY", "¥"),
            Map.entry("JPY", "¥"),
            Map.entry("USD", "$"),
            Map.entry("EUR", "€"),
            Map.entry("GBP", "£"),
            Map.entry("HKD", "HK$"),
            Map.entry("TWD", "NT$"),
            Map.entry("MOP", "MOP$"),
            Map.entry("SGD", "S$"),
            Map.entry("KRW", "₩"));
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** {@code ¥1,234.56} for 123456 fen of CNY; the currency's own number of minor digits. */
    public String money(Long minor, String currency) {
        if (minor == null) {
            return NONE;
        }
        String code = currency == null ? "CNY" : currency;
        int digits = fractionDigits(code);
        String symbol = symbol(code);
        String number = decimal(digits).format(BigDecimal.valueOf(Math.abs(minor), digits));
        return (minor < 0 ? "-" : "") + symbol + number;
    }

    /** The currency's display symbol, e.g. {@code ¥} for CNY. */
    public String symbol(String currency) {
        String code = currency == null ? "CNY" : currency;
        return SYMBOLS.getOrDefault(code, code + " ");
    }

    /** The amount without a symbol, e.g. {@code 1234.56}, for charts and inputs. */
    public String plain(Long minor, String currency) {
        if (minor == null) {
            return "";
        }
        return BigDecimal.valueOf(minor, fractionDigits(currency == null ? "CNY" : currency))
                .toPlainString();
    }

    public String number(Long value) {
        if (value == null) {
            return NONE;
        }
        return decimal(0).format(value);
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant, ZoneId zone) {
        return instant == null ? NONE : DATE.format(instant.atZone(zone));
    }

    /** Change from {@code before} to {@code now} in percent with a sign, e.g. {@code +12.5%}; empty if before is 0. */
    public String change(long now, long before) {
        if (before == 0) {
            return "";
        }
        BigDecimal pct = BigDecimal.valueOf(now - before)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 1, java.math.RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }

    private static int fractionDigits(String code) {
        try {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static DecimalFormat decimal(int digits) {
        DecimalFormat f = new DecimalFormat(
                digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f;
    }
}
