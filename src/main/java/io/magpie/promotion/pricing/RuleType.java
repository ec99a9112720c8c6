package io.magpie.promotion.pricing;

/** A kind of promotion. Adding a kind = one class implementing {@link PriceRule} or {@link OfferRule} + registration. */
public interface RuleType {

    /** Stable key, stored with promotions. */
    String id();

    /** Where in the pipeline it runs. */
    Stage stage();

    /** Reads this rule's typed config or fails with a clear message. */
    static <T extends PromotionConfig> T config(Promotion promotion, Class<T> type) {
        if (!type.isInstance(promotion.config())) {
            throw new InvalidConfigException(promotion.id(), type.getSimpleName());
        }
        return type.cast(promotion.config());
    }

    /** The promotion's config is not what its type expects. */
    final class InvalidConfigException extends IllegalArgumentException {
        InvalidConfigException(String promotionId, String expected) {
            super("promotion " + promotionId + " needs a " + expected + " config");
        }
    }
}
