package io.magpie.bench.promotion;

import io.magpie.bench.promotion.RuleSet.BenchCart;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread throughput in carts/s: one invocation prices all {@value RuleSet#CARTS} carts with one
 * implementation (the rules/promotions were built in the set-up, outside the measurement).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PromotionEngineBenchmark {

    @Param({"promotion", "drools", "easy_rules", "plain_loop"})
    public String engine;

    private List<BenchCart> carts;
    private Evaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() {
        RuleSet rules = new RuleSet();
        carts = rules.carts;
        evaluator = create(engine, rules);
        // the forked JVM checks its implementation again against the plain loop, cart by cart
        var reference = new PlainLoopEvaluator(rules);
        for (int i = 0; i < carts.size(); i++) {
            long expected = reference.payable(carts.get(i));
            long got = evaluator.payable(carts.get(i));
            if (got != expected) {
                throw new IllegalStateException(engine + ": cart " + i + " payable " + got + ", expected " + expected);
            }
        }
    }

    static Evaluator create(String engine, RuleSet rules) {
        return switch (engine) {
            case "promotion" -> new MagpieEvaluator(rules);
            case "drools" -> new DroolsEvaluator(rules);
            case "easy_rules" -> new EasyRulesEvaluator(rules);
            case "plain_loop" -> new PlainLoopEvaluator(rules);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    @Benchmark
    @OperationsPerInvocation(RuleSet.CARTS)
    public long evaluate() {
        long sum = 0;
        for (BenchCart cart : carts) {
            sum += evaluator.payable(cart);
        }
        return sum;
    }
}
