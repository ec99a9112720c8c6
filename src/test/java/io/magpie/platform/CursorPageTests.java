package io.magpie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorPageTests {

    @Test
    void theExtraRowOnlySignalsThatThereIsMore() {
        CursorPage<Long> page = CursorPage.of(List.of(9L, 8L, 7L), 2, x -> x);
        assertThat(page.items()).containsExactly(9L, 8L);
        assertThat(CursorPage.after(page.nextCursor())).isEqualTo(8L);
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(CursorPage.of(List.of(3L, 2L), 2, x -> x).nextCursor()).isNull();
        assertThat(CursorPage.after(null)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void forgedCursorsAndLimitsAreBadRequests() {
        assertThatThrownBy(() -> CursorPage.after("bm9wZQ")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CursorPage.after("***")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CursorPage.limit(0)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CursorPage.limit(501)).isInstanceOf(ProblemException.class);
        assertThat(CursorPage.limit(null)).isEqualTo(CursorPage.DEFAULT_LIMIT);
    }
}
