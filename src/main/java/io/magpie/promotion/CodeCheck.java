package io.magpie.promotion;

/**
 * The alphabet of generated coupon codes and their check character.
 *
 * <p>Generated characters come from 31 symbols without look-alikes (no 0/O, 1/I/L). The check is
 * a weighted sum modulo the prime 37 over every letter and digit of the code (so literal prefixes
 * such as {@code SALE} count too; separators like '-' do not), with weights 1..36 by position.
 * Because 37 is prime and every weight and every difference of adjacent weights is non-zero modulo
 * 37, any single wrong character and any swap of two adjacent different characters changes the sum
 * and is rejected. The check character is the last character of the code; payloads whose required
 * check value is not an unambiguous symbol are simply redrawn by the generator (6 of 37 cases).
 */
final class CodeCheck {

    static final String DIGITS = "23456789";
    static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final String ALPHABET = DIGITS + LETTERS;

    private static final int MOD = 37;

    private CodeCheck() {}

    /** The check character to append to {@code payload}, or 0 when the required value is ambiguous. */
    static char checkFor(CharSequence payload) {
        int sum = 0;
        int k = 0;
        for (int i = 0; i < payload.length(); i++) {
            int v = value(payload.charAt(i));
            if (v >= 0) {
                sum = (sum + weight(k++) * v) % MOD;
            }
        }
        int needed = Math.floorMod(-sum * inverse(weight(k)), MOD);
        if (needed > 35) {
            return 0;
        }
        char c = symbol(needed);
        return ALPHABET.indexOf(c) >= 0 ? c : 0;
    }

    /** Whether an upper-case code ends with a correct check character. */
    static boolean isValid(CharSequence code) {
        if (code.isEmpty() || ALPHABET.indexOf(code.charAt(code.length() - 1)) < 0) {
            return false;
        }
        int sum = 0;
        int k = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            int v = value(c);
            if (v >= 0) {
                sum = (sum + weight(k++) * v) % MOD;
            } else if (c != '-' && c != '_') {
                return false;
            }
        }
        return sum == 0;
    }

    private static int weight(int position) {
        return position % (MOD - 1) + 1;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static char symbol(int value) {
        return value < 10 ? (char) ('0' + value) : (char) ('A' + value - 10);
    }

    private static int inverse(int w) {
        // Fermat: w^(p-2) mod p
        int result = 1;
        int base = w % MOD;
        for (int e = MOD - 2; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result * base % MOD;
            }
            base = base * base % MOD;
        }
        return result;
    }
}
