package io.magpie.commerce.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoOrdersTests {

    @Test
    void theSameSeedGivesTheSameHistory() {
        assertThat(generate()).isEqualTo(generate());
    }

    @Test
    void unitSharesAddUpToTheLine() {
        for (long amount : new long[] {0, 1, 99, 100, 1001, 59_897}) {
            for (int q = 1; q <= 7; q++) {
                final int quantity = q;
                long sum = IntStream.range(0, q)
                        .mapToLong(u -> DemoWriter.unitShare(amount, quantity, u))
                        .sum();
                assertThat(sum).isEqualTo(amount);
            }
        }
    }

    private static List<DemoOrders.Order> generate() {
        Random random = new Random(7);
        var skus = List.of(
                new DemoOrders.SkuRef(1990, 5),
                new DemoOrders.SkuRef(15900, 1),
                new DemoOrders.SkuRef(8900, 3),
                new DemoOrders.SkuRef(500, 2),
                new DemoOrders.SkuRef(29900, 1));
        return DemoOrders.generate(
                random,
                2_000,
                skus,
                new double[] {5, 3, 1, 1},
                3,
                Instant.parse("2026-11-24T03:00:00Z"),
                ZoneId.of("Asia/Shanghai"));
    }
}
