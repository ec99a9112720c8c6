package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builders for engine tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final CartEvaluator ENGINE = new CartEvaluator();

    private Fixtures() {}

    static Cart cart(CartLine... lines) {
        return new Cart(Arrays.asList(lines), Customer.anonymous(), "app", "s1", 0, NOW);
    }

    static Cart cart(Customer customer, long freight, CartLine... lines) {
        return new Cart(Arrays.asList(lines), customer, "app", "s1", freight, NOW);
    }

    static CartLine line(String id, int quantity, long unitPrice) {
        return CartLine.of(id, "sku-" + id, quantity, unitPrice);
    }

    static CartLine floored(String id, int quantity, long unitPrice, long floorUnitPrice) {
        return new CartLine(id, "sku-" + id, "p-" + id, Set.of(), null, quantity, unitPrice, floorUnitPrice, false);
    }

    static Promotion promo(String id, String type, PromotionConfig config) {
        return Promotion.of(id, type, Scope.all(), config);
    }

    static Coupon coupon(String id, String type, PromotionConfig config) {
        return new Coupon(id, Promotion.of("tpl-" + id, type, Scope.all(), config), null, NOW.plusSeconds(86_400));
    }

    static Coupon coupon(String id, Promotion promotion, Instant expiresAt) {
        return new Coupon(id, promotion, null, expiresAt);
    }

    static EvaluationResult best(Cart cart, List<Promotion> promotions, List<Coupon> coupons) {
        return ENGINE.evaluate(EvaluationRequest.best(cart, promotions, coupons));
    }

    static EvaluationResult best(Cart cart, List<Promotion> promotions, List<Coupon> coupons, StackingPolicy policy) {
        return ENGINE.evaluate(new EvaluationRequest(cart, promotions, coupons, policy, null));
    }

    static EvaluationResult explicit(Cart cart, List<Promotion> promotions, List<Coupon> coupons, String... ids) {
        return ENGINE.evaluate(
                new EvaluationRequest(cart, promotions, coupons, StackingPolicy.unlimited(), List.of(ids)));
    }

    static long allocated(CandidateOutcome outcome, String lineId) {
        return outcome.allocations().stream()
                .filter(a -> a.lineId().equals(lineId))
                .mapToLong(Allocation::amount)
                .sum();
    }
}
