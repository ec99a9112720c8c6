package io.magpie.bench.promotion;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of the shaded jar: cross-checks the four implementations on every cart (exit 1 on any
 * difference), then runs {@link PromotionEngineBenchmark} with JMH and prints one line per engine:
 * {@code SCORE <engine> <carts/s> <99.9 % error> <iterations>}.
 *
 * <p>Environment: {@code QUICK=1} (smoke run: 1 fork, 2 × 1 s warm-up, 3 × 1 s measured),
 * {@code BENCH_FORKS} (1), {@code BENCH_WARMUP_ITERATIONS} (10) × {@code BENCH_WARMUP_SECONDS} (1),
 * {@code BENCH_ITERATIONS} (10) × {@code BENCH_ITERATION_SECONDS} (1), {@code BENCH_FORK_JVM_OPTS}
 * (-Xms1g -Xmx1g), {@code BENCH_ENGINES} (comma list, default all four), {@code BENCH_PROFILER}
 * (a JMH profiler, e.g. {@code gc}, {@code stack}, {@code jfr}). Argument {@code --check} only checks.
 */
public final class PromotionEngineBench {

    private PromotionEngineBench() {}

    public static void main(String[] args) throws Exception {
        var rules = new RuleSet();
        try {
            long t0 = System.nanoTime();
            var magpie = new MagpieEvaluator(rules);
            List<Evaluator> peers = List.of(
                    new DroolsEvaluator(rules), new EasyRulesEvaluator(rules), new PlainLoopEvaluator(rules));
            CrossCheck.run(rules, magpie, peers, true);
            System.out.printf("CHECK ok in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            System.out.println();
            System.out.println("!!!!! FAIL: cross-check: " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(1);
        }
        if (args.length > 0 && args[0].equals("--check")) {
            return;
        }
        boolean quick = "1".equals(System.getenv("QUICK"));
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PromotionEngineBenchmark.class.getName() + ".evaluate")
                .param("engine", env("BENCH_ENGINES", "promotion,drools,easy_rules,plain_loop").split(","))
                .forks(quick ? 1 : Integer.parseInt(env("BENCH_FORKS", "1")))
                .warmupIterations(quick ? 2 : Integer.parseInt(env("BENCH_WARMUP_ITERATIONS", "10")))
                .warmupTime(TimeValue.seconds(quick ? 1 : Long.parseLong(env("BENCH_WARMUP_SECONDS", "1"))))
                .measurementIterations(quick ? 3 : Integer.parseInt(env("BENCH_ITERATIONS", "10")))
                .measurementTime(TimeValue.seconds(quick ? 1 : Long.parseLong(env("BENCH_ITERATION_SECONDS", "1"))))
                .threads(1)
                .jvmArgsAppend(env("BENCH_FORK_JVM_OPTS", "-Xms1g -Xmx1g").split("\\s+"))
                .shouldFailOnError(true);
        String profiler = System.getenv("BENCH_PROFILER");
        if (profiler != null && !profiler.isBlank()) {
            options.addProfiler(profiler);
        }
        var scores = new ArrayList<String>();
        for (RunResult result : new Runner(options.build()).run()) {
            var primary = result.getPrimaryResult();
            scores.add(String.format(
                    "SCORE %s %.1f %.1f %d",
                    result.getParams().getParam("engine"),
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getStatistics().getN()));
        }
        System.out.println();
        scores.forEach(System.out::println);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
