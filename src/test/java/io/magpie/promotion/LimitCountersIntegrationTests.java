package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.tenant.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Limits hold under contention: exactly the allowed number of consumers succeed. */
@MagpieIntegrationTest
class LimitCountersIntegrationTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    Limits limits;

    @Autowired
    LimitCounters counters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredConsumersOfALimitOfOneHundredLeaveExactlyOneHundredSuccesses() throws Exception {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.CAMPAIGN, LimitPeriod.TOTAL, 100)
                .id();

        List<LimitDecision> decisions = race(200, i -> counters.tryConsume(tenant, limit, "campaign:1", 1, NOW));

        assertThat(decisions).filteredOn(LimitDecision::consumed).hasSize(100);
        assertThat(decisions)
                .filteredOn(d -> !d.consumed())
                .hasSize(100)
                .allSatisfy(d -> assertThat(d.remaining()).isZero());
        assertThat(counters.used(tenant, limit, "campaign:1", NOW)).isEqualTo(100);
    }

    @Test
    void aPerCustomerLimitOfOneLetsOneOfFiftyConcurrentTriesThrough() throws Exception {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, LimitPeriod.DAY, 1)
                .id();

        List<LimitDecision> decisions =
                race(50, i -> counters.tryConsume(tenant, limit, "customer:7", 1, NOW, "order-" + i));

        assertThat(decisions).filteredOn(LimitDecision::consumed).hasSize(1);
        assertThat(counters.used(tenant, limit, "customer:7", NOW)).isEqualTo(1);
        assertThat(ledgerRows(tenant)).isEqualTo(1);
        assertThat(counters.tryConsume(tenant, limit, "customer:8", 1, NOW).consumed())
                .as("another customer has its own counter")
                .isTrue();
    }

    @Test
    void replayingOneOperationTwentyTimesConcurrentlyCountsItOnce() throws Exception {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.CAMPAIGN, LimitPeriod.TOTAL, 10_000)
                .id();

        List<LimitDecision> decisions =
                race(20, i -> counters.tryConsume(tenant, limit, "campaign:1", 250, NOW, "order-42"));

        assertThat(decisions).allSatisfy(d -> assertThat(d.consumed()).isTrue());
        assertThat(decisions)
                .filteredOn(d -> d.outcome() == LimitDecision.Outcome.CONSUMED)
                .hasSize(1);
        assertThat(counters.used(tenant, limit, "campaign:1", NOW)).isEqualTo(250);
    }

    @Test
    void aRefusalReportsWhatRemainsAndCountsNothing() {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.DISCOUNT_AMOUNT, LimitScope.STORE, LimitPeriod.MONTH, 1000)
                .id();
        assertThat(counters.tryConsume(tenant, limit, "store:1", 700, NOW, "a"))
                .isEqualTo(new LimitDecision(LimitDecision.Outcome.CONSUMED, 300));

        LimitDecision refused = counters.tryConsume(tenant, limit, "store:1", 400, NOW, "b");

        assertThat(refused).isEqualTo(new LimitDecision(LimitDecision.Outcome.REFUSED, 300));
        assertThat(counters.used(tenant, limit, "store:1", NOW)).isEqualTo(700);
        assertThat(ledgerRows(tenant)).as("a refused try leaves no ledger row").isEqualTo(1);
        assertThat(counters.tryConsume(tenant, limit, "store:1", 2000, NOW))
                .isEqualTo(new LimitDecision(LimitDecision.Outcome.REFUSED, 300));
    }

    @Test
    void releasingAnOperationGivesItsAmountBackOnceAndNeverBelowZero() throws Exception {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.POINTS_ISSUED, LimitScope.DEVICE, LimitPeriod.WEEK, 100)
                .id();
        counters.tryConsume(tenant, limit, "device:x", 60, NOW, "op-1");
        counters.tryConsume(tenant, limit, "device:x", 30, NOW, "op-2");

        List<List<Long>> releases = race(10, i -> counters.release(tenant, "op-1"));

        assertThat(releases).filteredOn(r -> !r.isEmpty()).hasSize(1);
        assertThat(counters.used(tenant, limit, "device:x", NOW)).isEqualTo(30);
        counters.release(tenant, limit, "device:x", 500, NOW);
        assertThat(counters.used(tenant, limit, "device:x", NOW)).isZero();
        assertThat(counters.tryConsume(tenant, limit, "device:x", 60, NOW, "op-1")
                        .outcome())
                .as("a released operation id stays spent")
                .isEqualTo(LimitDecision.Outcome.ALREADY_CONSUMED);
    }

    @Test
    void replayingAnOperationIdWithOtherArgumentsIsAConflictNotASilentSuccess() {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, LimitPeriod.TOTAL, 10)
                .id();
        counters.tryConsume(tenant, limit, "customer:1", 1, NOW, "order-7");

        assertThat(counters.tryConsume(tenant, limit, "customer:1", 1, NOW, "order-7")
                        .outcome())
                .isEqualTo(LimitDecision.Outcome.ALREADY_CONSUMED);
        assertThatThrownBy(() -> counters.tryConsume(tenant, limit, "customer:1", 3, NOW, "order-7"))
                .isInstanceOf(io.magpie.platform.ProblemException.class)
                .hasMessageContaining("order-7");
        assertThatThrownBy(() -> counters.tryConsume(tenant, limit, "customer:2", 1, NOW, "order-7"))
                .isInstanceOf(io.magpie.platform.ProblemException.class);
        assertThat(counters.used(tenant, limit, "customer:1", NOW)).isEqualTo(1);
        assertThat(counters.used(tenant, limit, "customer:2", NOW)).isZero();
    }

    @Test
    void dailyLimitsStartAtMidnightInTheTenantsTimeZone() {
        long tenant = TestTenants.create(context).id(); // Asia/Shanghai, UTC+8
        long limit = limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.CUSTOMER, LimitPeriod.DAY, 1)
                .id();
        Instant beforeMidnight = Instant.parse("2026-11-24T15:59:00Z");
        Instant afterMidnight = Instant.parse("2026-11-24T16:01:00Z");

        assertThat(counters.tryConsume(tenant, limit, "c", 1, beforeMidnight).consumed())
                .isTrue();
        assertThat(counters.tryConsume(tenant, limit, "c", 1, Instant.parse("2026-11-23T16:00:00Z"))
                        .consumed())
                .as("same Shanghai day")
                .isFalse();
        assertThat(counters.tryConsume(tenant, limit, "c", 1, afterMidnight).consumed())
                .as("next Shanghai day")
                .isTrue();
    }

    @Test
    void anotherTenantsLimitIsNotFound() {
        long owner = TestTenants.create(context).id();
        long other = TestTenants.create(context).id();
        long limit = limits.define(owner, LimitMeasure.REDEMPTIONS, LimitScope.CAMPAIGN, LimitPeriod.TOTAL, 5)
                .id();

        assertThat(limits.find(other, limit)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> counters.tryConsume(other, limit, "campaign:1", 1, NOW))
                .isInstanceOf(io.magpie.platform.ProblemException.class);
    }

    @Test
    void nonPositiveAmountsAndNegativeLimitsAreRefused() {
        long tenant = TestTenants.create(context).id();
        long limit = limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.COUPON, LimitPeriod.TOTAL, 0)
                .id();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> counters.tryConsume(tenant, limit, "coupon:A", 0, NOW, "op"))
                .isInstanceOfSatisfying(
                        io.magpie.platform.ProblemException.class,
                        e -> assertThat(e.code()).isEqualTo("validation_failed"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> limits.define(tenant, LimitMeasure.REDEMPTIONS, LimitScope.COUPON, LimitPeriod.TOTAL, -1))
                .isInstanceOf(io.magpie.platform.ProblemException.class);
        assertThat(counters.tryConsume(tenant, limit, "coupon:A", 1, NOW).outcome())
                .as("a limit of zero refuses everything")
                .isEqualTo(LimitDecision.Outcome.REFUSED);
        assertThat(ledgerRows(tenant)).isZero();
    }

    private long ledgerRows(long tenant) {
        return jdbc.sql("select count(*) from promotion_limit_consumption where tenant_id = ?")
                .param(tenant)
                .query(Long.class)
                .single();
    }

    static <T> List<T> race(int n, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(k);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
