package io.magpie.tenant;

import io.magpie.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What a username, a display name and a password must look like. */
final class UserRules {

    static final int MIN_PASSWORD = 10;
    // bcrypt reads only the first 72 bytes; a longer password would give a false sense of strength
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_DISPLAY_NAME = 100;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private UserRules() {}

    static String username(String username) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalidField("username", "required", "username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.invalidField(
                    "username", "format", "username must be 3 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        return username;
    }

    static String displayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.invalidField("display_name", "required", "display_name is required");
        }
        if (trimmed.length() > MAX_DISPLAY_NAME) {
            throw ProblemException.invalidField(
                    "display_name", "size", "display_name must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        return trimmed;
    }

    static void password(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ProblemException.invalidField(
                    "password", "size", "password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.invalidField(
                    "password", "size", "password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
