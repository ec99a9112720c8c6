package io.magpie.commerce;

import io.magpie.platform.CursorPage;
import java.util.List;

/** Cursor paging over rows whose id the client never sees. */
final class Paging {

    private Paging() {}

    /** A row's id, kept next to the view only to build the cursor. */
    record Keyed<T>(long id, T value) {}

    static <T> CursorPage<T> page(List<Keyed<T>> fetchedNPlusOne, int limit) {
        CursorPage<Keyed<T>> page = CursorPage.of(fetchedNPlusOne, limit, Keyed::id);
        return new CursorPage<>(page.items().stream().map(Keyed::value).toList(), page.nextCursor());
    }
}
