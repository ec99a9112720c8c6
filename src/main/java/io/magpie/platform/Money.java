package io.magpie.platform;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in minor units (fen, cents) of a currency. Never a floating point number.
 *
 * @param minor amount in minor units
 * @param currency ISO 4217 code, e.g. {@code CNY}
 */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    /** Decimal form for display, e.g. {@code 12.30}; two minor digits. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** Two amounts of different currencies were combined. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        CurrencyMismatchException(String a, String b) {
            super("currency mismatch: " + a + " vs " + b);
        }
    }
}
