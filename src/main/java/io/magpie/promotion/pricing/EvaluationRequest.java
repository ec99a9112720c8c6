package io.magpie.promotion.pricing;

import java.util.List;

/**
 * A dry-run pricing question.
 *
 * @param promotions automatic promotions that may apply (the caller filters by tenant and status)
 * @param coupons coupons the customer holds
 * @param explicitSelection candidate ids (promotion or coupon ids) the caller insists on, in order; null
 *     lets the engine recommend the best combination
 */
public record EvaluationRequest(
        Cart cart,
        List<Promotion> promotions,
        List<Coupon> coupons,
        StackingPolicy policy,
        List<String> explicitSelection) {

    public EvaluationRequest {
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        policy = policy == null ? StackingPolicy.unlimited() : policy;
        explicitSelection = explicitSelection == null ? null : List.copyOf(explicitSelection);
    }

    public static EvaluationRequest best(Cart cart, List<Promotion> promotions, List<Coupon> coupons) {
        return new EvaluationRequest(cart, promotions, coupons, StackingPolicy.unlimited(), null);
    }
}
