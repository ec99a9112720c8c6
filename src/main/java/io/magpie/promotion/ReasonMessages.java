package io.magpie.promotion;

import io.magpie.promotion.pricing.Nudge;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.ReasonCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Human answers to "why didn't this apply?" in English and Simplified Chinese (bundle
 * {@code i18n/pricing}), with amounts in the tenant's currency. Keys: {@code pricing.reason.<code>}.
 */
@Component
class ReasonMessages {

    /** Reasons decided before the engine, about codes and coupons the shopper named. */
    static final List<String> COUPON_CODES = List.of(
            "unknown_code",
            "unknown_coupon",
            "code_not_owned",
            "coupon_used",
            "coupon_void",
            "code_used",
            "not_claimable",
            "ended",
            "limit_reached",
            "sold_out");

    private final MessageSource messages;
    /** Messages without arguments by key and locale: most candidates of a big cart say the same thing. */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    ReasonMessages(MessageSource messages) {
        this.messages = messages;
    }

    static String code(ReasonCode reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** The message of a reason code (engine reasons in lower_snake and {@link #COUPON_CODES}). */
    String reason(String code, Locale locale) {
        return plain.computeIfAbsent(
                code + '|' + locale.toLanguageTag(), k -> messages.getMessage("pricing.reason." + code, null, locale));
    }

    /** "Saves ¥20.00" and the like, for an applied candidate without a reason. */
    String applied(long discount, long freightDiscount, boolean gift, String currency, Locale locale) {
        if (discount == 0 && freightDiscount == 0) {
            return messages.getMessage(gift ? "pricing.applied.gift" : "pricing.applied.nothing", null, locale);
        }
        if (discount == 0) {
            return messages.getMessage(
                    "pricing.applied.freight",
                    new Object[] {PriceFormat.money(freightDiscount, currency, locale)},
                    locale);
        }
        return messages.getMessage(
                "pricing.applied", new Object[] {PriceFormat.money(discount, currency, locale)}, locale);
    }

    /** "Spend ¥12.00 more to save ¥20.00" / "再买12.00元可减20.00元". */
    String nudge(Nudge nudge, String currency, Locale locale) {
        boolean items = nudge.basis() == PromotionConfig.Basis.ITEMS;
        Object shortfall =
                items ? Long.toString(nudge.shortfall()) : PriceFormat.money(nudge.shortfall(), currency, locale);
        String key = "pricing.nudge." + (items ? "items" : "amount") + (nudge.wouldSave() > 0 ? "" : ".qualify");
        return messages.getMessage(
                key, new Object[] {shortfall, PriceFormat.money(nudge.wouldSave(), currency, locale)}, locale);
    }

    /** A reason followed by what would fix it: "Threshold not met: spend ¥12.00 more to save ¥20.00". */
    String withNudge(String reasonMessage, String nudgeMessage, Locale locale) {
        return messages.getMessage("pricing.reason.with_nudge", new Object[] {reasonMessage, nudgeMessage}, locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
