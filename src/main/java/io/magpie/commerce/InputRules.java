package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shape rules shared by the JSON API and the CSV imports, so both accept exactly the same values.
 * Each check returns a message when the value is bad and {@code null} when it is fine.
 */
final class InputRules {

    /** Merchant ids (product, SKU, category, brand, store codes, customer ids): 1–64 letters, digits, {@code ._:@-}. */
    static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:@-]{0,63}");

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 1000;
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_ATTRIBUTE_KEY = 64;

    /** Highest accepted price: 10^10 minor units (100,000,000.00 in a two-decimal currency). */
    static final long MAX_PRICE = 10_000_000_000L;

    private InputRules() {}

    static void requireCode(InputErrors errors, String field, String value) {
        report(errors, field, value, code(value));
    }

    static void optionalCode(InputErrors errors, String field, String value) {
        if (value != null) {
            report(errors, field, value, code(value));
        }
    }

    static void requireName(InputErrors errors, String field, String value) {
        report(errors, field, value, name(value));
    }

    static void optionalText(InputErrors errors, String field, String value, int max, boolean multiline) {
        report(errors, field, value, text(value, max, multiline));
    }

    private static void report(InputErrors errors, String field, String value, String problem) {
        if (problem != null) {
            boolean missing = value == null || value.isBlank();
            errors.add(field, missing ? "required" : "invalid_value", field + " " + problem);
        }
    }

    /** A code taken from the URL path; a bad one is a 400 before anything else happens. */
    static String pathCode(String field, String value) {
        String problem = code(value);
        if (problem != null) {
            throw ProblemException.invalidField(field, "invalid_value", field + " " + problem);
        }
        return value;
    }

    static String code(String value) {
        if (value == null || value.isEmpty()) {
            return "is required";
        }
        if (!CODE.matcher(value).matches()) {
            return "must be 1 to 64 letters, digits or ._:@- and start with a letter or digit";
        }
        return null;
    }

    /** A required single-line text such as a name. */
    static String name(String value) {
        if (value == null || value.isBlank()) {
            return "is required";
        }
        return text(value, MAX_NAME, false);
    }

    /** Optional free text; {@code multiline} allows line breaks (addresses). */
    static String text(String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    static String price(Long minor) {
        if (minor == null) {
            return null;
        }
        if (minor < 0 || minor > MAX_PRICE) {
            return "must be between 0 and " + MAX_PRICE + " minor units";
        }
        return null;
    }

    /**
     * Free-form attributes: at most 50 keys, each value a string, number or boolean. Problems are
     * added to {@code errors} under {@code field.key}.
     */
    static void attributes(String field, Map<String, Object> attributes, InputErrors errors) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(field, "too_many", "at most " + MAX_ATTRIBUTES + " attributes");
            return;
        }
        for (var e : attributes.entrySet()) {
            String key = e.getKey();
            String keyProblem = key.isEmpty() ? "keys must not be empty" : text(key, MAX_ATTRIBUTE_KEY, false);
            if (keyProblem != null) {
                errors.add(field, "invalid_key", "attribute key '" + shorten(key) + "' " + keyProblem);
                continue;
            }
            String valueProblem = attributeValue(e.getValue());
            if (valueProblem != null) {
                errors.add(field + "." + key, "invalid_value", valueProblem);
            }
        }
    }

    private static String attributeValue(Object value) {
        if (value instanceof String s) {
            return text(s, MAX_TEXT, true);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return null;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return new BigDecimal(value.toString()).precision() > 30 ? "number has too many digits" : null;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? null : "number is out of range";
        }
        return "must be a string, number or boolean";
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
