package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import java.util.Locale;

/**
 * A coupon code pattern: {@code #} a digit (2–9), {@code ?} a letter (no I, L, O), {@code *} either;
 * letters, digits, '-' and '_' stand for themselves (upper-cased). A check character is appended.
 * Example: {@code SALE-####-????} gives codes like {@code SALE-4827-KXPRM}.
 */
record CodePattern(String pattern, double space) {

    static final int MAX_LENGTH = 40;
    /** Guessing one valid code must stay below 1 %: the space is at least 100 × the codes issued. */
    static final int SPACE_PER_CODE = 100;

    static CodePattern parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField("pattern", "required", "a pattern is required");
        }
        String pattern = raw.trim().toUpperCase(Locale.ROOT);
        if (pattern.length() > MAX_LENGTH) {
            throw ProblemException.invalidField(
                    "pattern", "too_long", "a pattern has at most " + MAX_LENGTH + " characters");
        }
        double space = 1;
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '#' -> space *= CodeCheck.DIGITS.length();
                case '?' -> space *= CodeCheck.LETTERS.length();
                case '*' -> space *= CodeCheck.ALPHABET.length();
                default -> {
                    if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                        throw ProblemException.invalidField(
                                "pattern",
                                "invalid_character",
                                "a pattern may hold only #, ?, *, letters, digits, '-' and '_'; found '" + c + "'");
                    }
                }
            }
        }
        return new CodePattern(pattern, space);
    }

    /** Refuses a count that would make codes guessable (or impossible to find unique ones). */
    void requireRoomFor(long count) {
        if (space < (double) SPACE_PER_CODE * count) {
            throw ProblemException.unprocessable(
                    "pattern_space_too_small",
                    String.format(
                            Locale.ROOT,
                            "the pattern %s allows %.0f codes; %d codes need at least %d × as many so that"
                                    + " codes cannot be guessed: add placeholders",
                            pattern,
                            space,
                            count,
                            SPACE_PER_CODE));
        }
    }
}
