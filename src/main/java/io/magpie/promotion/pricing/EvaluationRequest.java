package io.magpie.promotion.pricing;

import java.util.List;
import java.util.Map;

/**
 * A dry-run pricing question.
 *
 * @param promotions automatic promotions that may apply (the caller filters by tenant and status)
 * @param coupons coupons the customer holds
 * @param explicitSelection candidate ids (promotion or coupon ids) the caller insists on, in order; null
 *     lets the engine recommend the best combination
 * @param unavailable candidates the caller already knows cannot be used, with the reason (budget
 *     exhausted, customer limit reached, audience mismatch…): they are reported, never applied
 */
public record EvaluationRequest(
        Cart cart,
        List<Promotion> promotions,
        List<Coupon> coupons,
        StackingPolicy policy,
        List<String> explicitSelection,
        Map<String, ReasonCode> unavailable) {

    public EvaluationRequest {
        unavailable = unavailable == null ? Map.of() : Map.copyOf(unavailable);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        policy = policy == null ? StackingPolicy.unlimited() : policy;
        explicitSelection = explicitSelection == null ? null : List.copyOf(explicitSelection);
    }

    public EvaluationRequest(
            Cart cart,
            List<Promotion> promotions,
            List<Coupon> coupons,
            StackingPolicy policy,
            List<String> explicitSelection) {
        this(cart, promotions, coupons, policy, explicitSelection, Map.of());
    }

    public static EvaluationRequest best(Cart cart, List<Promotion> promotions, List<Coupon> coupons) {
        return new EvaluationRequest(cart, promotions, coupons, StackingPolicy.unlimited(), null);
    }
}
