package io.magpie.commerce;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normal forms and masked display forms of phone numbers and e-mail addresses. Matching works on
 * the normal form, so {@code 138-0013-8000} and {@code 138 0013 8000} are the same phone. A
 * country code stays as given: {@code +86 138…} and {@code 138…} are different numbers.
 */
final class ContactFormats {

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ().\\-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final int MIN_PHONE_DIGITS = 6;
    static final int MAX_PHONE_DIGITS = 15;
    static final int MAX_EMAIL = 254;

    private ContactFormats() {}

    /** Digits only, or {@code null} when the text is not a phone number. */
    /**
     * A mainland China mobile number written with its country code (+86 / 0086 138…) is the same
     * number as without it, so both forms hash alike; other country codes are kept as given.
     */
    private static final java.util.regex.Pattern MAINLAND_PREFIX =
            java.util.regex.Pattern.compile("^(?:00)?86(?=1[3-9][0-9]{9}$)");

    static String normalizePhone(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (!PHONE_CHARACTERS.matcher(s).matches()) {
            return null;
        }
        String digits = MAINLAND_PREFIX.matcher(s.replaceAll("[^0-9]", "")).replaceFirst("");
        return digits.length() < MIN_PHONE_DIGITS || digits.length() > MAX_PHONE_DIGITS ? null : digits;
    }

    /** Trimmed and lower-cased, or {@code null} when the text is not an e-mail address. */
    static String normalizeEmail(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.length() > MAX_EMAIL || !EMAIL.matcher(s).matches() || InputRules.text(s, MAX_EMAIL, false) != null) {
            return null;
        }
        return s;
    }

    /** {@code 13800005678} → {@code 138****5678}; short numbers show at most their last four digits. */
    static String maskPhone(String digits) {
        int head = digits.length() >= 11 ? 3 : 0;
        int tail = Math.min(4, digits.length() - head - 4);
        return digits.substring(0, head) + "****" + digits.substring(digits.length() - tail);
    }

    /** {@code alice@example.com} → {@code a***@example.com}. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    static final String PHONE_RULE = "is not a phone number: use " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS
            + " digits, optionally with +, spaces, dashes or parentheses";
    static final String EMAIL_RULE = "is not an e-mail address";
}
