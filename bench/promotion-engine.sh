#!/usr/bin/env bash
# Cart evaluation in process: Magpie's CartEvaluator (best combination, as the API calls it) against
# Drools 10, Easy Rules 4.1 and an indexed plain Java loop on the same 100 promotions and the same
# 1,000 ten-line carts (JMH, single thread, carts/s). Goals (PERFORMANCE.md): >= 50x Drools,
# >= 20x Easy Rules, >= 0.5x the plain loop. Every cart is cross-checked first: any payable total that
# differs between the four fails the run (exit 1).
#
#   bench/promotion-engine.sh                                                     # JDK 17
#   BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/promotion-engine.sh   # JDK 25
#   QUICK=1 bench/promotion-engine.sh                                             # smoke run (~1 min)
#
# Knobs: QUICK=1 (1 fork, 2 x 1 s warm-up, 3 x 1 s measured), BENCH_FORKS (1), BENCH_WARMUP_ITERATIONS
# (10) x BENCH_WARMUP_SECONDS (1), BENCH_ITERATIONS (10) x BENCH_ITERATION_SECONDS (1),
# BENCH_FORK_JVM_OPTS (-Xms1g -Xmx1g), BENCH_ENGINES (promotion,drools,easy_rules,plain_loop),
# BENCH_PROFILER (a JMH profiler: gc, stack, jfr, ...), BENCH_SKIP_BUILD=1.
# No PostgreSQL, no server: the jar compiles the pure pricing package from src/main/java.

# shellcheck source-path=SCRIPTDIR source=lib/harness.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/harness.sh"

ENGINE_DIR=$BENCH_DIR/engine
ENGINE_JAR=$ENGINE_DIR/target/promotion-engine-bench.jar
PRICING_DIR=$ROOT_DIR/src/main/java/io/magpie/promotion/pricing

bench_init promotion-engine
[[ ${QUICK:-} == 1 ]] && log "QUICK=1: smoke run, figures are not for the record"

if [[ ${BENCH_SKIP_BUILD:-} != 1 ]] && stale "$ENGINE_JAR" "$ENGINE_DIR/src" "$ENGINE_DIR/pom.xml" "$PRICING_DIR"; then
    # the pricing package must stay pure Java: the benchmark compiles it without Spring or anything else
    if grep -hE '^import ' "$PRICING_DIR"/*.java | grep -vqE '^import (static )?(java\.|io\.magpie\.promotion\.pricing\.)'; then
        bench_die "io.magpie.promotion.pricing imports more than java.*: $(grep -hE '^import ' "$PRICING_DIR"/*.java \
            | grep -vE '^import (static )?(java\.|io\.magpie\.promotion\.pricing\.)' | sort -u | tr '\n' ' ')"
    fi
    log "building bench/engine/target/promotion-engine-bench.jar (mvn -q -f bench/engine/pom.xml package)"
    mvn -B -q -f "$ENGINE_DIR/pom.xml" package || bench_die "building the promotion engine benchmark failed"
fi
[[ -f $ENGINE_JAR ]] || bench_die "$ENGINE_JAR is missing"

log "cross-check, then JMH (single thread; fork JVM options: ${BENCH_FORK_JVM_OPTS:--Xms1g -Xmx1g})"
rc=0
"$BENCH_JAVA" -Xms1g -Xmx1g -jar "$ENGINE_JAR" | tee "$RUN_DIR/jmh.txt" || rc=$?
((rc == 0)) || bench_die "the benchmark exited with status $rc (cross-check failed or JMH error; see above)"

declare -A SCORE
while read -r _ engine score error n; do
    SCORE[$engine]=$score
    figure "promotion_engine.$engine.carts_per_s" "$score" "carts/s (±$error, 99.9 %, $n iterations)"
done < <(grep '^SCORE ' "$RUN_DIR/jmh.txt")

IFS=, read -r -a ENGINES <<<"${BENCH_ENGINES:-promotion,drools,easy_rules,plain_loop}"
for engine in "${ENGINES[@]}"; do
    [[ -n ${SCORE[$engine]:-} ]] || bench_fail "no JMH score for $engine"
done
if [[ -n ${SCORE[promotion]:-} ]]; then
    [[ -z ${SCORE[drools]:-} ]] || ratio promotion_vs_drools "$(calc "${SCORE[promotion]} / ${SCORE[drools]}")" 50
    [[ -z ${SCORE[easy_rules]:-} ]] || ratio promotion_vs_easy_rules "$(calc "${SCORE[promotion]} / ${SCORE[easy_rules]}")" 20
    [[ -z ${SCORE[plain_loop]:-} ]] || ratio promotion_vs_plain_loop "$(calc "${SCORE[promotion]} / ${SCORE[plain_loop]}")" 0.5
fi
bench_finish
