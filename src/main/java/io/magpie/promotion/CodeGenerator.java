package io.magpie.promotion;

import java.security.SecureRandom;
import java.util.Random;

/** Draws codes from a pattern; not thread-safe (one per generation run). */
final class CodeGenerator {

    private final Random random;
    private final byte[] buffer = new byte[8192];
    private int next = buffer.length;

    /** Secure by default; tests pass a seeded {@link Random} to make runs repeatable. */
    CodeGenerator() {
        this(new SecureRandom());
    }

    CodeGenerator(Random random) {
        this.random = random;
    }

    String next(CodePattern pattern) {
        String p = pattern.pattern();
        StringBuilder code = new StringBuilder(p.length() + 1);
        while (true) {
            code.setLength(0);
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                code.append(
                        switch (c) {
                            case '#' -> pick(CodeCheck.DIGITS);
                            case '?' -> pick(CodeCheck.LETTERS);
                            case '*' -> pick(CodeCheck.ALPHABET);
                            default -> c;
                        });
            }
            char check = CodeCheck.checkFor(code);
            if (check != 0) {
                return code.append(check).toString();
            }
        }
    }

    private char pick(String symbols) {
        int n = symbols.length();
        int unbiased = 256 - 256 % n; // rejection sampling keeps every symbol equally likely
        while (true) {
            int b = nextByte();
            if (b < unbiased) {
                return symbols.charAt(b % n);
            }
        }
    }

    private int nextByte() {
        if (next == buffer.length) {
            random.nextBytes(buffer);
            next = 0;
        }
        return buffer[next++] & 0xff;
    }
}
