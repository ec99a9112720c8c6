package io.magpie.commerce.demo;

import java.util.Arrays;
import java.util.Random;

/** Draws an index with probability proportional to its weight (cumulative table + binary search). */
final class Sampler {

    private final double[] cumulative;

    Sampler(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    int next(Random random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
    }
}
