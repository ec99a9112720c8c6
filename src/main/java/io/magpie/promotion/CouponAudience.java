package io.magpie.promotion;

import io.magpie.promotion.Campaign.Audience;
import io.magpie.promotion.Campaign.Condition;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether a customer belongs to a coupon template's audience. CONDITIONS are checked against the
 * attributes the caller sends (Magpie does not own customer profiles); without attributes a
 * condition cannot be proven and the customer is outside the audience.
 */
@Component
class CouponAudience {

    private final CampaignRows campaigns;
    private final List<AudienceProvider> providers;

    CouponAudience(CampaignRows campaigns, List<AudienceProvider> providers) {
        this.campaigns = campaigns;
        this.providers = providers;
    }

    boolean includes(Campaign template, String customerId, Map<String, ?> attributes) {
        Audience audience = template.audience();
        return switch (audience.kind()) {
            case EVERYONE -> true;
            case CUSTOMERS ->
                customerId != null && campaigns.inAudienceList(template.tenantId(), template.id(), customerId);
            case CONDITIONS ->
                attributes != null && audience.conditions().stream().allMatch(c -> holds(c, attributes));
            case PROVIDED ->
                customerId != null
                        && providers.stream()
                                .filter(p -> p.name().equals(audience.provider()))
                                .anyMatch(p -> p.includes(template.tenantId(), audience.reference(), customerId));
        };
    }

    /** One condition; a missing attribute satisfies only NE and NOT_IN. */
    static boolean holds(Condition c, Map<String, ?> attributes) {
        Object raw = attributes.get(c.attribute());
        if (raw == null) {
            return switch (c.operator()) {
                case NE, NOT_IN -> true;
                default -> false;
            };
        }
        List<String> values = c.values();
        Collection<String> actual = raw instanceof Collection<?> many
                ? many.stream().map(String::valueOf).toList()
                : List.of(text(raw));
        return switch (c.operator()) {
            case EXISTS -> true;
            case EQ -> !values.isEmpty() && actual.contains(values.get(0));
            case NE -> values.isEmpty() || !actual.contains(values.get(0));
            case IN -> actual.stream().anyMatch(values::contains);
            case NOT_IN -> actual.stream().noneMatch(values::contains);
            case GTE -> !values.isEmpty() && compare(text(raw), values.get(0)) >= 0;
            case LTE -> !values.isEmpty() && compare(text(raw), values.get(0)) <= 0;
        };
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
    }

    /** Numbers compare as numbers, anything else (ISO dates included) as text. */
    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
