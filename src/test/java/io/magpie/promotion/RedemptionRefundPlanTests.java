package io.magpie.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.promotion.RedemptionRefundPlan.Outcome;
import io.magpie.promotion.RedemptionRefundPlan.Promotion;
import io.magpie.promotion.RedemptionRefundPlan.Step;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Refunds roll back exactly the refunded units' shares; thresholds follow the KEEP / REVERT policy. */
class RedemptionRefundPlanTests {

    @Test
    void refundingOneUnitOfAQuantityTwoLineReturnsThatUnitsShare() {
        // line 1: 2 units, paid 17_001 after a 3_001 discount (unit 0 carries 1_501, unit 1 carries 1_500)
        var lines = lines(line("1", 2, 17_001), line("2", 1, 10_000));
        var p = promotion(1, 3, 3_001, RefundPolicy.KEEP, null, Map.of("1", 3_001L));

        Step first = single(RedemptionRefundPlan.plan(lines, Map.of("1", Set.of(0)), List.of(p)));
        assertThat(first.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(first.rolledBack()).isEqualTo(1_501);
        assertThat(first.lines()).containsExactly(Map.entry("1", 1_501L));

        lines.put("1", new RedemptionRows.Line("1", 2, 17_001, new TreeSet<>(Set.of(0))));
        var after = promotion(1, 3, 3_001 - 1_501, RefundPolicy.KEEP, null, Map.of("1", 3_001L));
        Step second = single(RedemptionRefundPlan.plan(lines, Map.of("1", Set.of(1)), List.of(after)));
        assertThat(second.rolledBack()).isEqualTo(1_500);
    }

    @Test
    void theWholeOrderRefundedRollsBackEverythingIncludingFreightDiscount() {
        var lines = lines(line("1", 2, 9_000));
        // discount 1_000 on the line + 800 freight discount = net 1_800
        var p = promotion(1, 4, 1_800, RefundPolicy.KEEP, null, Map.of("1", 1_000L));

        Step step = single(RedemptionRefundPlan.plan(lines, Map.of("1", Set.of(0, 1)), List.of(p)));

        assertThat(step.outcome()).isEqualTo(Outcome.FULL);
        assertThat(step.rolledBack()).isEqualTo(1_800);
        assertThat(step.lines()).containsExactly(Map.entry("1", 1_000L));
        assertThat(step.clawback()).isZero();
    }

    @Test
    void revertBelowTheThresholdClawsBackTheRemainingDiscount() {
        // 满200减30 (20_000 / 3_000) on two lines of 12_000 gross each: shares 1_500 + 1_500, paid 10_500 each
        var lines = lines(line("A", 1, 10_500), line("B", 1, 10_500));
        var config = new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20_000, 3_000)));
        var revert = promotion(
                1, 3, 3_000, RefundPolicy.REVERT, RedemptionThreshold.of(config), Map.of("A", 1_500L, "B", 1_500L));

        Step step = single(RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(0)), List.of(revert)));

        // B alone is worth 12_000 before the discount: below 20_000
        assertThat(step.outcome()).isEqualTo(Outcome.REVERTED);
        assertThat(step.rolledBack()).isEqualTo(1_500);
        assertThat(step.clawback()).isEqualTo(1_500);
    }

    @Test
    void keepBelowTheThresholdOnlyRollsBackTheShares() {
        var lines = lines(line("A", 1, 10_500), line("B", 1, 10_500));
        var config = new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(20_000, 3_000)));
        var keep = promotion(
                1, 3, 3_000, RefundPolicy.KEEP, RedemptionThreshold.of(config), Map.of("A", 1_500L, "B", 1_500L));

        Step step = single(RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(0)), List.of(keep)));

        assertThat(step.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(step.rolledBack()).isEqualTo(1_500);
        assertThat(step.clawback()).isZero();
    }

    @Test
    void revertStaysWhenTheRestStillMeetsTheThreshold() {
        var lines = lines(line("A", 3, 27_000));
        var config = new PromotionConfig.AmountOff(3_000, 10_000);
        var revert = promotion(1, 4, 3_000, RefundPolicy.REVERT, RedemptionThreshold.of(config), Map.of("A", 3_000L));

        Step step = single(RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(2)), List.of(revert)));

        // two units remain, worth 2 × 10_000 before the coupon: 20_000 ≥ 10_000
        assertThat(step.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(step.rolledBack()).isEqualTo(1_000);
    }

    @Test
    void aLaterStagesDiscountCountsBackIntoTheBaseOfAnEarlierOne() {
        // line 20_000 gross; 满200减20 (stage 3) share 2_000, a coupon (stage 4) share 1_000: paid 17_000
        var lines = lines(line("A", 2, 17_000), line("B", 1, 5_000));
        var threshold = RedemptionThreshold.of(
                        new PromotionConfig.TieredAmountOff(Basis.AMOUNT, List.of(new AmountTier(10_000, 2_000))))
                .orElseThrow();
        var stage3 = promotion(1, 3, 2_000, RefundPolicy.REVERT, Optional.of(threshold), Map.of("A", 2_000L));
        var stage4 = promotion(2, 4, 1_000, RefundPolicy.KEEP, Optional.empty(), Map.of("A", 1_000L));

        Step step = RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(0)), List.of(stage3, stage4))
                .get(0);

        // one unit left worth (17_000 + 2_000 + 1_000) / 2 = 10_000 before stage 3: still meets 10_000
        assertThat(step.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(RedemptionRefundPlan.eligible(
                        stage3,
                        lines,
                        Map.of("A", new TreeSet<>(Set.of(0)), "B", new TreeSet<>()),
                        List.of(stage3, stage4),
                        Basis.AMOUNT))
                .isEqualTo(10_000);
    }

    @Test
    void anItemCountThresholdCountsTheRemainingUnits() {
        var lines = lines(line("A", 3, 9_000));
        var config = new PromotionConfig.TieredAmountOff(Basis.ITEMS, List.of(new AmountTier(3, 900)));
        var revert = promotion(1, 3, 900, RefundPolicy.REVERT, RedemptionThreshold.of(config), Map.of("A", 900L));

        Step step = single(RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(1)), List.of(revert)));

        assertThat(step.outcome()).isEqualTo(Outcome.REVERTED);
        assertThat(step.rolledBack()).isEqualTo(300);
        assertThat(step.clawback()).isEqualTo(600);
    }

    @Test
    void aPromotionAlreadyClosedIsLeftAlone() {
        var lines = lines(line("A", 1, 1_000));
        var closed = new Promotion(1, 3, 0, false, RefundPolicy.KEEP, Optional.empty(), Map.of("A", 100L));
        assertThat(RedemptionRefundPlan.plan(lines, Map.of("A", Set.of(0)), List.of(closed)))
                .isEmpty();
    }

    /** Units returned one by one, in any order, give back exactly the allocation; each step is the unit's share. */
    @Property(tries = 300)
    void refundingUnitsOneByOneSumsToTheWholeAllocation(
            @ForAll @IntRange(min = 1, max = 60) int quantity,
            @ForAll @LongRange(max = 10_000_000) long allocation,
            @ForAll @LongRange(max = 10_000_000) long paid,
            @ForAll long seed) {
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < quantity; u++) {
            order.add(u);
        }
        Collections.shuffle(order, new Random(seed));
        // a second line keeps the order from being refunded whole, so every step is a plain share
        var lines = lines(line("L", quantity, paid), line("other", 1, 100));
        long net = allocation;
        long sum = 0;
        for (int unit : order) {
            var p = promotion(1, 3, net, RefundPolicy.KEEP, null, Map.of("L", allocation));
            List<Step> steps = RedemptionRefundPlan.plan(lines, Map.of("L", Set.of(unit)), List.of(p));
            long back = steps.isEmpty() ? 0 : steps.get(0).rolledBack();
            assertThat(back).isEqualTo(UnitSplit.share(allocation, quantity, unit));
            assertThat(back).isBetween(allocation / quantity, allocation / quantity + 1);
            sum += back;
            net -= back;
            TreeSet<Integer> refunded = new TreeSet<>(lines.get("L").refundedUnits());
            refunded.add(unit);
            lines.put("L", new RedemptionRows.Line("L", quantity, paid, refunded));
        }
        assertThat(sum).isEqualTo(allocation);
        assertThat(net).isZero();
    }

    /** Any split of the units into refunds gives back the allocation in total, whatever the grouping. */
    @Property(tries = 300)
    void anyGroupingOfUnitsIntoRefundsSumsToTheAllocation(
            @ForAll @IntRange(min = 1, max = 40) int quantity,
            @ForAll @LongRange(max = 1_000_000_000) long allocation,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<Integer> units = new ArrayList<>();
        for (int u = 0; u < quantity; u++) {
            units.add(u);
        }
        Collections.shuffle(units, random);
        long sum = 0;
        int i = 0;
        while (i < units.size()) {
            int size = 1 + random.nextInt(units.size() - i);
            sum += UnitSplit.sum(allocation, quantity, units.subList(i, i + size));
            i += size;
        }
        assertThat(sum).isEqualTo(allocation);
    }

    private static Step single(List<Step> steps) {
        assertThat(steps).hasSize(1);
        return steps.get(0);
    }

    private static Promotion promotion(
            long id,
            int stage,
            long net,
            RefundPolicy policy,
            Optional<RedemptionThreshold> threshold,
            Map<String, Long> shares) {
        return new Promotion(
                id,
                stage,
                net,
                true,
                policy,
                threshold == null ? Optional.empty() : threshold,
                new LinkedHashMap<>(shares));
    }

    private static RedemptionRows.Line line(String id, int quantity, long amount) {
        return new RedemptionRows.Line(id, quantity, amount, new TreeSet<>());
    }

    private static Map<String, RedemptionRows.Line> lines(RedemptionRows.Line... lines) {
        Map<String, RedemptionRows.Line> map = new LinkedHashMap<>();
        for (RedemptionRows.Line l : lines) {
            map.put(l.lineId(), l);
        }
        return map;
    }
}
