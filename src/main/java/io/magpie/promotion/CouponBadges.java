package io.magpie.promotion;

import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.pricing.PromotionConfig;
import io.magpie.promotion.pricing.PromotionConfig.AmountOff;
import io.magpie.promotion.pricing.PromotionConfig.AmountTier;
import io.magpie.promotion.pricing.PromotionConfig.Basis;
import io.magpie.promotion.pricing.PromotionConfig.EveryAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.FreeShipping;
import io.magpie.promotion.pricing.PromotionConfig.PercentOff;
import io.magpie.promotion.pricing.PromotionConfig.PercentTier;
import io.magpie.promotion.pricing.PromotionConfig.TieredAmountOff;
import io.magpie.promotion.pricing.PromotionConfig.TieredPercentOff;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Short texts shops show on coupons: the badge ("满200减30", "8.5折", "免运费" — "30 off over 200", "15% off",
 * "Free shipping"), the validity and the shortfall hint, in Simplified Chinese or English. Amounts are fen,
 * shown in the currency's major unit without symbol.
 */
public final class CouponBadges {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private CouponBadges() {}

    /** The badge of a rule's settings, e.g. "满200减30" or "30 off over 200". */
    public static String badge(PromotionConfig config, Locale locale) {
        boolean zh = chinese(locale);
        if (config instanceof AmountOff a) {
            if (a.minSpend() > 0) {
                return zh
                        ? "满" + major(a.minSpend()) + "减" + major(a.amountOff())
                        : major(a.amountOff()) + " off over " + major(a.minSpend());
            }
            return zh ? "无门槛减" + major(a.amountOff()) : major(a.amountOff()) + " off, no minimum";
        }
        if (config instanceof PercentOff p) {
            String base = p.minSpend() > 0
                    ? (zh
                            ? "满" + major(p.minSpend()) + "享" + zhe(p.percentOffBp())
                            : percent(p.percentOffBp()) + " off over " + major(p.minSpend()))
                    : (zh ? zhe(p.percentOffBp()) : percent(p.percentOffBp()) + " off");
            return base + cap(p.cap(), zh);
        }
        if (config instanceof TieredAmountOff t) {
            return t.tiers().stream()
                    .map(tier -> amountTier(t.basis(), tier, zh))
                    .collect(Collectors.joining(zh ? "，" : ", "));
        }
        if (config instanceof TieredPercentOff t) {
            return t.tiers().stream()
                            .map(tier -> percentTier(t.basis(), tier, zh))
                            .collect(Collectors.joining(zh ? "，" : ", "))
                    + cap(t.cap(), zh);
        }
        if (config instanceof EveryAmountOff e) {
            return (zh
                            ? "每满" + major(e.every()) + "减" + major(e.amountOff())
                            : major(e.amountOff()) + " off every " + major(e.every()))
                    + cap(e.cap(), zh);
        }
        if (config instanceof FreeShipping f) {
            if (f.minSpend() > 0) {
                return zh ? "满" + major(f.minSpend()) + "免运费" : "Free shipping over " + major(f.minSpend());
            }
            return zh ? "免运费" : "Free shipping";
        }
        return zh ? "优惠券" : "Coupon";
    }

    /**
     * The spend a coupon needs before it applies (fen), or null when it has no threshold (or counts items). For
     * tiers, the lowest tier's threshold.
     */
    public static Long threshold(PromotionConfig config) {
        long t = 0;
        if (config instanceof AmountOff a) {
            t = a.minSpend();
        } else if (config instanceof PercentOff p) {
            t = p.minSpend();
        } else if (config instanceof FreeShipping f) {
            t = f.minSpend();
        } else if (config instanceof EveryAmountOff e) {
            t = e.every();
        } else if (config instanceof TieredAmountOff ta
                && ta.basis() == Basis.AMOUNT
                && !ta.tiers().isEmpty()) {
            t = ta.tiers().get(0).threshold();
        } else if (config instanceof TieredPercentOff tp
                && tp.basis() == Basis.AMOUNT
                && !tp.tiers().isEmpty()) {
            t = tp.tiers().get(0).threshold();
        }
        return t > 0 ? t : null;
    }

    /** "差12.00元可用" / "Spend 12.00 more to use". */
    public static String shortfall(long fen, Locale locale) {
        String amount = BigDecimal.valueOf(fen, 2).toPlainString();
        return chinese(locale) ? "差" + amount + "元可用" : "Spend " + amount + " more to use";
    }

    /** "领取后30天内有效" / "Valid for 30 days after claiming", or the fixed dates in {@code zone}. */
    public static String validity(CouponSettings settings, ZoneId zone, Locale locale) {
        boolean zh = chinese(locale);
        if (settings.validity() == CouponSettings.Validity.RELATIVE) {
            int days = settings.validDays() == null ? 30 : settings.validDays();
            return zh ? "领取后" + days + "天内有效" : "Valid for " + days + " days after claiming";
        }
        return dates(settings.validFrom(), settings.validUntil(), zone, zh);
    }

    /** The validity of a held coupon: "2026-11-01 至 2026-11-30 有效" / "Valid 2026-11-01 to 2026-11-30". */
    public static String validity(Instant from, Instant until, ZoneId zone, Locale locale) {
        return dates(from, until, zone, chinese(locale));
    }

    private static String dates(Instant from, Instant until, ZoneId zone, boolean zh) {
        String start = from == null ? "" : DAY.format(from.atZone(zone));
        // the end is exclusive: a coupon valid until 12-01T00:00 is valid through 11-30
        String end = until == null ? "" : DAY.format(until.minusSeconds(1).atZone(zone));
        if (from == null) {
            return zh ? end + " 前有效" : "Valid until " + end;
        }
        return zh ? start + " 至 " + end + " 有效" : "Valid " + start + " to " + end;
    }

    private static String amountTier(Basis basis, AmountTier tier, boolean zh) {
        if (basis == Basis.ITEMS) {
            return zh
                    ? "满" + tier.threshold() + "件减" + major(tier.amountOff())
                    : major(tier.amountOff()) + " off for " + tier.threshold() + " items";
        }
        return zh
                ? "满" + major(tier.threshold()) + "减" + major(tier.amountOff())
                : major(tier.amountOff()) + " off over " + major(tier.threshold());
    }

    private static String percentTier(Basis basis, PercentTier tier, boolean zh) {
        String from = basis == Basis.ITEMS ? tier.threshold() + (zh ? "件" : " items") : major(tier.threshold());
        return zh ? "满" + from + "享" + zhe(tier.percentOffBp()) : percent(tier.percentOffBp()) + " off over " + from;
    }

    private static String cap(Long cap, boolean zh) {
        if (cap == null) {
            return "";
        }
        return zh ? "，最高减" + major(cap) : ", up to " + major(cap);
    }

    /** 1500 bp off → "8.5折" (pay 85 %). */
    static String zhe(int percentOffBp) {
        return BigDecimal.valueOf(10_000L - percentOffBp, 3)
                        .stripTrailingZeros()
                        .toPlainString() + "折";
    }

    /** 1500 bp → "15%". */
    static String percent(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }

    /** 20000 fen → "200", 1250 → "12.5". */
    static String major(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
