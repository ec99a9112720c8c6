package io.magpie.promotion;

import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AnyNForPrice;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.BuyGet;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import io.magpie.promotion.pricing.PromotionConfig.Gift;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import io.magpie.promotion.pricing.PromotionConfig.PriceOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredPercentOff;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Short labels shops put on product and list pages: "满200减30", "限时价 ¥59.00", "第2件半价", "免运费"
 * (and their English forms), from a campaign's rule. Tiered rules show their lowest tier.
 */
@Component
class PromotionBadges {

    private final MessageSource messages;

    PromotionBadges(MessageSource messages) {
        this.messages = messages;
    }

    /** The badge of {@code campaign} as seen on {@code sku}. */
    String of(Campaign campaign, String sku, String currency, Locale locale) {
        String badge = rule(campaign.ruleType(), campaign.config(), sku, currency, locale);
        if (campaign.kind() == CampaignKind.COUPON && !"CASH_VOUCHER".equals(campaign.ruleType())) {
            return text("pricing.badge.coupon", locale, badge);
        }
        return badge;
    }

    private String rule(String type, PromotionConfig config, String sku, String currency, Locale locale) {
        if (config instanceof PriceOff p) {
            return priceOff(type, p, sku, currency, locale);
        }
        if (config instanceof TieredAmountOff t && !t.tiers().isEmpty()) {
            var tier = t.tiers().get(0);
            return t.basis() == Basis.ITEMS
                    ? text(
                            "pricing.badge.threshold_items_off",
                            locale,
                            count(tier.threshold()),
                            amount(tier.amountOff(), currency, locale))
                    : text(
                            "pricing.badge.threshold_amount_off",
                            locale,
                            amount(tier.threshold(), currency, locale),
                            amount(tier.amountOff(), currency, locale));
        }
        if (config instanceof EveryAmountOff e) {
            return text(
                    "pricing.badge.every_amount_off",
                    locale,
                    amount(e.every(), currency, locale),
                    amount(e.amountOff(), currency, locale));
        }
        if (config instanceof TieredPercentOff t && !t.tiers().isEmpty()) {
            var tier = t.tiers().get(0);
            return t.basis() == Basis.ITEMS
                    ? text(
                            "pricing.badge.threshold_items_percent_off",
                            locale,
                            count(tier.threshold()),
                            percent(tier.percentOffBp(), locale))
                    : text(
                            "pricing.badge.threshold_percent_off",
                            locale,
                            amount(tier.threshold(), currency, locale),
                            percent(tier.percentOffBp(), locale));
        }
        if (config instanceof Gift g) {
            return g.basis() == Basis.ITEMS
                    ? text("pricing.badge.gift_items", locale, count(g.threshold()))
                    : text("pricing.badge.gift", locale, amount(g.threshold(), currency, locale));
        }
        if (config instanceof BuyGet b) {
            return buyGet(b, locale);
        }
        if (config instanceof AnyNForPrice n) {
            return text("pricing.badge.any_n", locale, count(n.count()), amount(n.bundlePrice(), currency, locale));
        }
        if (config instanceof FreeShipping s) {
            return s.minSpend() == 0
                    ? text("pricing.badge.free_shipping", locale)
                    : text("pricing.badge.free_shipping_from", locale, amount(s.minSpend(), currency, locale));
        }
        if (config instanceof AmountOff a) {
            if ("CASH_VOUCHER".equals(type)) {
                return text("pricing.badge.cash_voucher", locale, amount(a.amountOff(), currency, locale));
            }
            return a.minSpend() == 0
                    ? text("pricing.badge.amount_off", locale, amount(a.amountOff(), currency, locale))
                    : text(
                            "pricing.badge.amount_off_from",
                            locale,
                            amount(a.minSpend(), currency, locale),
                            amount(a.amountOff(), currency, locale));
        }
        if (config instanceof PercentOff p) {
            return p.minSpend() == 0
                    ? text("pricing.badge.percent_off", locale, percent(p.percentOffBp(), locale))
                    : text(
                            "pricing.badge.percent_off_from",
                            locale,
                            amount(p.minSpend(), currency, locale),
                            percent(p.percentOffBp(), locale));
        }
        return text("pricing.badge.other", locale);
    }

    /** Counts as plain digits (MessageFormat would group 1000 as 1,000). */
    private static String count(long n) {
        return Long.toString(n);
    }

    private String priceOff(String type, PriceOff p, String sku, String currency, Locale locale) {
        String kind = switch (type) {
            case "LIMITED_TIME_PRICE" -> "limited_time";
            case "MEMBER_PRICE" -> "member";
            case "TRIAL_PRICE" -> "trial";
            default -> "activity";
        };
        Long price = p.skuPrices().containsKey(sku) ? p.skuPrices().get(sku) : p.fixedUnitPrice();
        if (price != null) {
            return text("pricing.badge." + kind + "_price", locale, PriceFormat.money(price, currency, Locale.ENGLISH));
        }
        if (p.percentOffBp() != null) {
            return text("pricing.badge." + kind + "_percent", locale, percent(p.percentOffBp(), locale));
        }
        return text("pricing.badge.other", locale);
    }

    private String buyGet(BuyGet b, Locale locale) {
        if (b.getPercentOffBp() == PromotionConfig.Bp.WHOLE) {
            return text("pricing.badge.buy_get_free", locale, count(b.buy()), count(b.get()));
        }
        if (b.buy() == 1 && b.get() == 1) {
            String off = PriceFormat.isChinese(locale) && b.getPercentOffBp() == 5000
                    ? "半价"
                    : percent(b.getPercentOffBp(), locale);
            return text("pricing.badge.second_at", locale, off);
        }
        return text(
                "pricing.badge.buy_get", locale, count(b.buy()), count(b.get()), percent(b.getPercentOffBp(), locale));
    }

    /** Badge amounts: "¥200" in English, "200" in Chinese (the pattern says 满200减30). */
    private static String amount(long minor, String currency, Locale locale) {
        String compact = PriceFormat.compact(minor, currency);
        return PriceFormat.isChinese(locale)
                ? compact
                : PriceFormat.money(minor, currency, Locale.ENGLISH)
                        .replace(PriceFormat.decimal(minor, currency), compact);
    }

    /** 2000 bp off: "20%" in English, "8折" in Chinese. */
    static String percent(int offBp, Locale locale) {
        if (PriceFormat.isChinese(locale)) {
            BigDecimal zhe =
                    BigDecimal.valueOf(10_000L - offBp).movePointLeft(3).stripTrailingZeros();
            return zhe.toPlainString() + "折";
        }
        return BigDecimal.valueOf(offBp).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
