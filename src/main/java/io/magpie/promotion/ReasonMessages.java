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
            String key = gift ? "pricing.applied.gift" : "pricing.applied.nothing";
            return plain.computeIfAbsent(
                    key + '|' + locale.toLanguageTag(), k -> messages.getMessage(key, null, locale));
        }
        if (discount == 0) {
            return template("pricing.applied.freight", locale)
                    .fill(PriceFormat.money(freightDiscount, currency, locale));
        }
        return template("pricing.applied", locale).fill(PriceFormat.money(discount, currency, locale));
    }

    /** "Spend ¥12.00 more to save ¥20.00" / "再买12.00元可减20.00元". */
    String nudge(Nudge nudge, String currency, Locale locale) {
        boolean items = nudge.basis() == PromotionConfig.Basis.ITEMS;
        String shortfall =
                items ? Long.toString(nudge.shortfall()) : PriceFormat.money(nudge.shortfall(), currency, locale);
        String key = items
                ? (nudge.wouldSave() > 0 ? "pricing.nudge.items" : "pricing.nudge.items.qualify")
                : (nudge.wouldSave() > 0 ? "pricing.nudge.amount" : "pricing.nudge.amount.qualify");
        return template(key, locale).fill(shortfall, PriceFormat.money(nudge.wouldSave(), currency, locale));
    }

    /** A reason followed by what would fix it: "Threshold not met: spend ¥12.00 more to save ¥20.00". */
    String withNudge(String reasonMessage, String nudgeMessage, Locale locale) {
        return template("pricing.reason.with_nudge", locale).fill(reasonMessage, nudgeMessage);
    }

    /**
     * The message split around its arguments, resolved once per key and locale: every argument here is a
     * string that MessageFormat would insert verbatim, so filling the gaps gives exactly its output without
     * parsing and formatting per candidate.
     */
    private Template template(String key, Locale locale) {
        Map<String, Template> byKey = locale == Locale.ENGLISH
                ? english
                : locale == Locale.SIMPLIFIED_CHINESE
                        ? chinese
                        : templates.computeIfAbsent(locale.toLanguageTag(), k -> new ConcurrentHashMap<>());
        Template t = byKey.get(key);
        if (t == null) {
            t = Template.of(messages.getMessage(key, MARKERS, locale));
            byKey.put(key, t);
        }
        return t;
    }

    private static final Object[] MARKERS = {"\uE000" + 0 + "\uE001", "\uE000" + 1 + "\uE001", "\uE000" + 2 + "\uE001"};

    private final Map<String, Template> english = new ConcurrentHashMap<>();
    private final Map<String, Template> chinese = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Template>> templates = new ConcurrentHashMap<>();

    /** Literal text with argument gaps: {@code parts[0] arg[slots[0]] parts[1] arg[slots[1]] … parts[n]}. */
    private record Template(String[] parts, int[] slots) {

        static Template of(String marked) {
            var parts = new java.util.ArrayList<String>();
            var slots = new java.util.ArrayList<Integer>();
            int from = 0;
            while (true) {
                int open = marked.indexOf('\uE000', from);
                if (open < 0) {
                    break;
                }
                int close = marked.indexOf('\uE001', open);
                parts.add(marked.substring(from, open));
                slots.add(Integer.parseInt(marked.substring(open + 1, close)));
                from = close + 1;
            }
            parts.add(marked.substring(from));
            return new Template(
                    parts.toArray(String[]::new),
                    slots.stream().mapToInt(Integer::intValue).toArray());
        }

        String fill(String... args) {
            if (slots.length == 0) {
                return parts[0];
            }
            var out = new StringBuilder(64);
            for (int i = 0; i < slots.length; i++) {
                out.append(parts[i]).append(args[slots[i]]);
            }
            return out.append(parts[slots.length]).toString();
        }
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
