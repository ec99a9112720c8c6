package io.magpie.commerce;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Decimal prices as people type them in spreadsheets ({@code 19.99}) converted exactly to minor
 * units ({@code 1999}) with {@link BigDecimal}, never through a floating point number.
 */
final class MinorUnits {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d+)?");

    private MinorUnits() {}

    /** Minor digits of a currency: 2 for CNY, 0 for JPY. */
    static int digits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /**
     * Parses a non-negative decimal with at most {@code digits} decimals.
     *
     * @throws InvalidAmountException with a message for the user when the text is not such a number
     */
    static long parse(String text, int digits) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidAmountException("'" + text + "' is not a price like 19.99");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > digits) {
            throw new InvalidAmountException("'" + text + "' has more than " + digits + " decimal places");
        }
        long minor = value.movePointRight(digits).longValueExact();
        if (minor > InputRules.MAX_PRICE) {
            throw new InvalidAmountException("'" + text + "' is above the maximum price");
        }
        return minor;
    }

    /** A text is not an acceptable amount. */
    static final class InvalidAmountException extends IllegalArgumentException {
        InvalidAmountException(String message) {
            super(message);
        }
    }
}
