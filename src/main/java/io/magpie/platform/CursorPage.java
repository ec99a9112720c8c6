package io.magpie.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list with an opaque cursor to the next one ({@code null} on the last page).
 * Cursors encode the last row's id; lists are ordered by id descending (newest first).
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is more.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, ToLongFunction<T> idOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), encode(idOf.applyAsLong(items.get(limit - 1))));
    }

    /** Validates a client's limit: 1..MAX_LIMIT, default when absent. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "out_of_range", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** The id to continue after, {@code Long.MAX_VALUE} for the first page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!raw.startsWith("id:")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring(3));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "cursor", "invalid_value", "cursor is not valid; use next_cursor from a previous page");
        }
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.US_ASCII));
    }
}
