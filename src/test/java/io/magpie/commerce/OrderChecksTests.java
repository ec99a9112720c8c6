package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.ProblemException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderChecksTests {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private static OrderCommand command(String orderedAt, Long discount, OrderLineCommand... lines) {
        return new OrderCommand("o-1", "c-1", null, null, null, orderedAt, discount, null, List.of(lines), null);
    }

    private static OrderLineCommand line(String id, long quantity) {
        return new OrderLineCommand(id, "sku-1", quantity, 100L, null);
    }

    @Test
    void appliesDefaults() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft d = OrderChecks.order(command(null, null, line("1", 2)), "", NOW, problems);
        assertThat(problems).isEmpty();
        assertThat(d.channel()).isEqualTo("online");
        assertThat(d.discount()).isZero();
        assertThat(d.freight()).isZero();
        assertThat(d.orderedAt()).isNull();
        assertThat(d.lines().get(0).discount()).isZero();
    }

    @Test
    void namesEveryProblemByItsPathUnderThePrefix() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft d = OrderChecks.order(
                command("2026-11-24T08:06:00Z", -1L, line("1", 0), line("1", 2)), "orders[7]", NOW, problems);
        assertThat(d).isNull();
        assertThat(problems)
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders[7].ordered_at", "in_future"),
                        org.assertj.core.groups.Tuple.tuple("orders[7].discount", "out_of_range"),
                        org.assertj.core.groups.Tuple.tuple("orders[7].lines[0].quantity", "out_of_range"),
                        org.assertj.core.groups.Tuple.tuple("orders[7].lines[1].line_id", "duplicate_line_id"));
        assertThat(OrderChecks.invalid(problems).code()).isEqualTo("validation_failed");
    }

    @Test
    void fiveMinutesAheadIsStillAccepted() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft d = OrderChecks.order(command("2026-11-24T16:05:00+08:00", null, line("1", 1)), "", NOW, problems);
        assertThat(problems).isEmpty();
        assertThat(d.orderedAt()).isEqualTo(Instant.parse("2026-11-24T08:05:00Z"));
    }

    @Test
    void onlyDuplicateLinesGetTheirOwnCode() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderChecks.order(command(null, null, line("1", 1), line("1", 1)), "", NOW, problems);
        assertThat(OrderChecks.invalid(problems).code()).isEqualTo("duplicate_line_id");
    }

    @Test
    void theHashIgnoresSpellingButNotSubstance() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft a = OrderChecks.order(command(null, null, line("1", 1)), "", NOW, problems);
        OrderDraft b = OrderChecks.order(
                new OrderCommand(
                        "o-1",
                        "c-1",
                        null,
                        "online",
                        "CNY",
                        null,
                        0L,
                        0L,
                        List.of(new OrderLineCommand("1", "sku-1", 1L, 100L, 0L)),
                        List.of()),
                "",
                NOW,
                problems);
        OrderDraft c = OrderChecks.order(command(null, null, line("1", 2)), "", NOW, problems);
        OrderDraft dated = OrderChecks.order(command("2026-11-24T08:00:00Z", null, line("1", 1)), "", NOW, problems);
        assertThat(problems).isEmpty();
        assertThat(RequestHashes.order(a, "CNY")).isEqualTo(RequestHashes.order(b, "CNY"));
        assertThat(RequestHashes.order(a, "CNY")).isNotEqualTo(RequestHashes.order(c, "CNY"));
        assertThat(RequestHashes.order(a, "CNY")).isNotEqualTo(RequestHashes.order(dated, "CNY"));
    }

    @Test
    void refundLinesTakeAQuantityOrUnitsButNotBoth() {
        List<FieldProblem> problems = new ArrayList<>();
        RefundDraft ok = RefundChecks.refund(
                new RefundCommand("r-1", null, List.of(new RefundLineCommand("1", null, List.of(3L, 1L)))), problems);
        assertThat(problems).isEmpty();
        assertThat(ok.lines().get(0).units()).containsExactly(1, 3);
        assertThat(ok.lines().get(0).quantity()).isEqualTo(2);

        RefundChecks.refund(
                new RefundCommand("r-1", null, List.of(new RefundLineCommand("1", 1L, List.of(0L)))), problems);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("lines[0]");
    }

    @Test
    void ordersWithoutPromotionsKeepTheHashTheyWereStoredWith() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderDraft plain = OrderChecks.order(command(null, null, line("1", 1)), "", NOW, problems);
        // the hash before promotions existed; a change here makes every stored order's replay a conflict
        assertThat(RequestHashes.order(plain, "CNY"))
                .isEqualTo("f8dd5c078abdba8567a55e37505035c068058b3295ac239f7c6fa3388c7fdda5");
    }

    @Test
    void promotionsArePartOfTheHash() {
        List<FieldProblem> problems = new ArrayList<>();
        OrderPromotionCommand.Allocation share = new OrderPromotionCommand.Allocation("1", 50L);
        OrderDraft a = OrderChecks.order(
                withPromotion(new OrderPromotionCommand(7L, null, null, 50L, null, List.of(share))), "", NOW, problems);
        OrderDraft same = OrderChecks.order(
                withPromotion(new OrderPromotionCommand(7L, null, null, 50L, 0L, List.of(share))), "", NOW, problems);
        OrderDraft coupon = OrderChecks.order(
                withPromotion(new OrderPromotionCommand(7L, 70L, null, 50L, 0L, List.of(share))), "", NOW, problems);
        OrderDraft none = OrderChecks.order(command(null, null, line("1", 1)), "", NOW, problems);
        assertThat(problems).isEmpty();
        assertThat(a.promotions())
                .singleElement()
                .satisfies(p -> assertThat(p.freightDiscount()).isZero());
        assertThat(RequestHashes.order(a, "CNY")).isEqualTo(RequestHashes.order(same, "CNY"));
        assertThat(RequestHashes.order(a, "CNY")).isNotEqualTo(RequestHashes.order(coupon, "CNY"));
        assertThat(RequestHashes.order(a, "CNY")).isNotEqualTo(RequestHashes.order(none, "CNY"));
    }

    private static OrderCommand withPromotion(OrderPromotionCommand promotion) {
        return new OrderCommand(
                "o-1", "c-1", null, null, null, null, null, null, List.of(line("1", 1)), List.of(promotion));
    }
}
