package io.magpie.promotion;

import io.magpie.promotion.Campaign.CouponSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The customer's side of coupons: the wallet (coupons held, grouped by what they mean now, with the shortfall
 * against a cart) and the coupon centre (templates the customer may claim now).
 */
@Service
class CouponWallet {

    static final Set<String> STATUSES = Set.of("usable", "upcoming", "used", "expired");

    private final CouponRows coupons;
    private final CampaignRows campaigns;
    private final CouponAudience audience;
    private final Clock clock;

    CouponWallet(CouponRows coupons, CampaignRows campaigns, CouponAudience audience, Clock clock) {
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.audience = audience;
        this.clock = clock;
    }

    /**
     * The customer's coupons whose status is one of {@code statuses}: usable first, then upcoming, used, expired;
     * inside each, soonest expiring first.
     *
     * @param cartAmount optional cart subtotal (fen): threshold coupons get the shortfall
     */
    List<CouponView> wallet(long tenantId, String customerId, Set<String> statuses, Long cartAmount, Locale locale) {
        Instant now = clock.instant();
        Map<Long, Optional<Campaign>> templates = new HashMap<>();
        List<CouponView> result = new ArrayList<>();
        for (HeldCoupon c : coupons.allOfCustomer(tenantId, customerId)) {
            String status = CouponView.statusOf(c, now);
            if (!statuses.contains(status)) {
                continue;
            }
            Campaign template = templates
                    .computeIfAbsent(c.campaignId(), id -> campaigns.find(tenantId, id))
                    .orElse(null);
            result.add(view(c, template, now, cartAmount, locale));
        }
        List<String> order = List.of("usable", "upcoming", "used", "expired", "void");
        result.sort(Comparator.comparing((CouponView v) -> order.indexOf(v.status()))
                .thenComparing(CouponView::expiresAt)
                .thenComparingLong(CouponView::id));
        return result;
    }

    /** Templates the customer may claim now: claimable, running, open, not sold out, under the limit, in audience. */
    List<CouponCentreEntry> centre(long tenantId, String customerId, Map<String, ?> attributes, Locale locale) {
        Instant now = clock.instant();
        Map<Long, Integer> received = coupons.receivedByTemplate(tenantId, customerId);
        List<CouponCentreEntry> entries = new ArrayList<>();
        for (Campaign t : campaigns.live(tenantId, now)) {
            if (t.kind() != CampaignKind.COUPON
                    || t.coupon() == null
                    || CouponIssuance.distributionProblem(t, CouponSource.CLAIM, now) != null) {
                continue;
            }
            CouponSettings s = t.coupon();
            Integer remaining = s.totalLimit() == null ? null : Math.max(0, s.totalLimit() - t.issuedCount());
            int claimed = received.getOrDefault(t.id(), 0);
            if ((remaining != null && remaining == 0)
                    || claimed >= CouponIssuance.perCustomer(t)
                    || !audience.includes(t, customerId, attributes)) {
                continue;
            }
            entries.add(new CouponCentreEntry(
                    t.id(),
                    t.name(),
                    t.description(),
                    t.ruleType(),
                    CouponBadges.badge(t.config(), locale),
                    s.totalLimit(),
                    t.issuedCount(),
                    remaining,
                    s.perCustomer(),
                    claimed,
                    s.validity().name(),
                    s.validFrom(),
                    s.validUntil(),
                    s.validDays(),
                    CouponBadges.validity(s, t.schedule().zone(), locale),
                    t.schedule().endsAt()));
        }
        entries.sort(Comparator.comparingLong(CouponCentreEntry::templateId).reversed());
        return entries;
    }

    /** One coupon as shown; {@code template} may be null only if the campaign row vanished. */
    static CouponView view(HeldCoupon c, Campaign template, Instant now, Long cartAmount, Locale locale) {
        String status = CouponView.statusOf(c, now);
        Long threshold = template == null ? null : CouponBadges.threshold(template.config());
        Long shortfall = null;
        if (threshold != null
                && cartAmount != null
                && cartAmount < threshold
                && (status.equals("usable") || status.equals("upcoming"))) {
            shortfall = threshold - cartAmount;
        }
        return new CouponView(
                c.id(),
                c.campaignId(),
                template == null ? null : template.name(),
                template == null ? null : template.ruleType(),
                template == null ? null : CouponBadges.badge(template.config(), locale),
                c.customerId(),
                c.code(),
                c.source(),
                c.state(),
                status,
                c.validFrom(),
                c.expiresAt(),
                template == null
                        ? null
                        : CouponBadges.validity(
                                c.validFrom(),
                                c.expiresAt(),
                                template.schedule().zone(),
                                locale),
                c.orderId(),
                c.issuedAt(),
                threshold,
                shortfall,
                shortfall == null ? null : CouponBadges.shortfall(shortfall, locale));
    }
}
