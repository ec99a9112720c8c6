package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ProrationTests {

    @Test
    void splitsByWeightWithLeftoversToTheLargestRemainders() {
        // 100 over 1:1:1 → 33.33 each; the one fen left goes to the first line (tie-break by order)
        assertThat(Proration.split(100, new long[] {300, 300, 300})).containsExactly(34, 33, 33);
        // 10 over 1:2 → 3.33 / 6.67: the larger remainder (second line) gets the fen
        assertThat(Proration.split(10, new long[] {100, 200})).containsExactly(3, 7);
    }

    @Test
    void aZeroWeightLineGetsNothing() {
        assertThat(Proration.split(5, new long[] {0, 10, 0})).containsExactly(0, 5, 0);
        assertThat(Proration.split(0, new long[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void theWholeAmountTakesEveryLineToZeroExactly() {
        assertThat(Proration.split(600, new long[] {100, 200, 300})).containsExactly(100, 200, 300);
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long[] weights = {100_000_000_000_000L, 100_000_000_000_000L, 1};
        long[] shares = Proration.split(200_000_000_000_000L, weights);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(200_000_000_000_000L);
        assertThat(shares[0]).isLessThanOrEqualTo(weights[0]);
    }

    @Test
    void anAmountOverTheTotalIsRefused() {
        assertThatThrownBy(() -> Proration.split(11, new long[] {5, 5})).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void sharesSumExactlyAndNoLineGoesNegative(@ForAll("splits") Split split) {
        long[] shares = Proration.split(split.amount(), split.weights());
        assertThat(Arrays.stream(shares).sum()).isEqualTo(split.amount());
        for (int i = 0; i < shares.length; i++) {
            assertThat(shares[i]).isBetween(0L, split.weights()[i]);
        }
    }

    @Property
    void eachShareIsWithinOneFenOfItsExactPart(@ForAll("splits") Split split) {
        long[] shares = Proration.split(split.amount(), split.weights());
        long total = Arrays.stream(split.weights()).sum();
        for (int i = 0; i < shares.length; i++) {
            var exact = java.math.BigInteger.valueOf(split.amount())
                    .multiply(java.math.BigInteger.valueOf(split.weights()[i]));
            long floor = exact.divide(java.math.BigInteger.valueOf(total)).longValueExact();
            assertThat(shares[i]).isBetween(floor, floor + 1);
        }
    }

    record Split(long amount, long[] weights) {}

    @Provide
    Arbitrary<Split> splits() {
        Arbitrary<List<Long>> weights = Arbitraries.longs()
                .between(0, 100_000_000_000_000L)
                .edgeCases(c -> c.add(0L))
                .list()
                .ofMinSize(1)
                .ofMaxSize(200)
                .filter(w -> w.stream().mapToLong(Long::longValue).sum() > 0);
        return weights.flatMap(w -> {
            long total = w.stream().mapToLong(Long::longValue).sum();
            return Arbitraries.longs()
                    .between(0, total)
                    .map(amount -> new Split(
                            amount, w.stream().mapToLong(Long::longValue).toArray()));
        });
    }
}
