package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UnitSharesTests {

    @Test
    void theFirstUnitsCarryTheRemainder() {
        // 1000 fen over 3 units: 334, 333, 333
        assertThat(UnitShares.share(1000, 3, 0)).isEqualTo(334);
        assertThat(UnitShares.share(1000, 3, 1)).isEqualTo(333);
        assertThat(UnitShares.share(1000, 3, 2)).isEqualTo(333);
        assertThat(UnitShares.sum(1000, 3, List.of(1, 2))).isEqualTo(666);
    }

    @Test
    void aUnitOutsideTheLineIsRefused() {
        assertThatThrownBy(() -> UnitShares.share(100, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitShares.share(100, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void sharesSumExactlyToTheLineAmount(
            @ForAll @LongRange(max = 100_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 1, max = 10_000) int quantity) {
        List<Integer> all = IntStream.range(0, quantity).boxed().toList();
        assertThat(UnitShares.sum(amount, quantity, all)).isEqualTo(amount);
    }

    @Property
    void sharesAreNotNegativeAndDifferByAtMostOne(
            @ForAll @LongRange(max = 100_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 1, max = 2_000) int quantity) {
        List<Long> shares = new ArrayList<>();
        for (int u = 0; u < quantity; u++) {
            shares.add(UnitShares.share(amount, quantity, u));
        }
        long min = shares.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = shares.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(min).isNotNegative();
        assertThat(max - min).isLessThanOrEqualTo(1);
        // the larger shares come first, so refunding units in index order is deterministic
        for (int u = 1; u < quantity; u++) {
            assertThat(shares.get(u)).isLessThanOrEqualTo(shares.get(u - 1));
        }
    }
}
