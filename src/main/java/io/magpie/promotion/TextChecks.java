package io.magpie.promotion;

/**
 * Client text PostgreSQL cannot store (NUL) or the console should not show: control characters. Checked
 * where the text is validated, so the client gets 400 with the field's path instead of a database error.
 */
final class TextChecks {

    private TextChecks() {}

    /** Whether {@code value} holds a control character; line breaks and tabs pass when {@code multiline}. */
    static boolean hasControl(String value, boolean multiline) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControl(String value) {
        return hasControl(value, false);
    }
}
