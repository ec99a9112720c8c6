package io.magpie.promotion.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.promotion.pricing.PromotionConfig.Bp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTests {

    @Test
    void threeEqualLinesShareTenYuanWithTheOddFenOnTheSmallestId() {
        long[] shares = Proration.allocate(
                1000, List.of("l2", "l1", "l3"), new long[] {3333, 3333, 3333}, new long[] {3333, 3333, 3333});
        assertThat(shares).containsExactly(333, 334, 333);
    }

    @Test
    void largestRemainderWinsBeforeTheTieBreak() {
        // 100 over 1:2 → 33.33 / 66.67: the larger remainder takes the fen, even from the smaller id
        long[] big = Proration.allocate(100, List.of("a", "b"), new long[] {100, 200}, new long[] {100, 200});
        assertThat(big).containsExactly(33, 67);
    }

    @Test
    void whatALineCannotTakeGoesToTheOthers() {
        long[] shares = Proration.allocate(600, List.of("a", "b"), new long[] {1000, 1000}, new long[] {100, 1000});
        assertThat(shares).containsExactly(100, 500);
    }

    @Test
    void moreThanTheCapacityIsRefused() {
        assertThatThrownBy(() -> Proration.allocate(11, List.of("a"), new long[] {10}, new long[] {10}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentRoundsHalfUpOnceToTheFen() {
        assertThat(Bp.of(5, 850)).isEqualTo(0); // 8.5% of 0.05 = 0.425 fen
        assertThat(Bp.of(6, 850)).isEqualTo(1); // 0.51 fen
        assertThat(Bp.of(5, 1000)).isEqualTo(1); // 0.5 fen rounds up
        assertThat(Bp.of(12345, 1000)).isEqualTo(1235);
        assertThat(Bp.of(Long.MAX_VALUE / 20_000, 10_000)).isEqualTo(Long.MAX_VALUE / 20_000);
    }
}
