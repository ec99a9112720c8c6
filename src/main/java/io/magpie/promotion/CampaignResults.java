package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.promotion.CampaignResultsView.Coupons;
import io.magpie.promotion.CampaignResultsView.Day;
import io.magpie.promotion.CampaignResultsView.LimitUse;
import io.magpie.promotion.CampaignResultsView.Totals;
import io.magpie.tenant.TenantView;
import io.magpie.tenant.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Results of a campaign over a period of the tenant's days: orders, redemptions, discount cost net of
 * refunds and claw-backs, GMV of the orders that used it, budgets used, coupons, and a daily series.
 */
@Service
public class CampaignResults {

    /** The longest period one request may ask for, in days. */
    public static final int MAX_DAYS = 366;

    /** The period shown when none is given: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;

    /** A campaign in the console's list of results. */
    public record Listed(long id, String name, CampaignKind kind, CampaignStatus status) {}

    private final CampaignRows campaigns;
    private final CampaignResultsRows rows;
    private final LimitCounters counters;
    private final Tenants tenants;
    private final Clock clock;

    CampaignResults(
            CampaignRows campaigns, CampaignResultsRows rows, LimitCounters counters, Tenants tenants, Clock clock) {
        this.campaigns = campaigns;
        this.rows = rows;
        this.counters = counters;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Results from {@code from} to {@code to}, both inclusive (null: the last {@value #DEFAULT_DAYS}
     * days). 404 for an unknown campaign, 400 for a reversed or too long period.
     */
    public CampaignResultsView results(long tenantId, long campaignId, LocalDate from, LocalDate to) {
        Campaign campaign = campaigns
                .find(tenantId, campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        TenantView tenant = tenants.get(tenantId);
        ZoneId zone = tenant.timeZone();
        Instant now = clock.instant();
        LocalDate last = to != null ? to : LocalDate.ofInstant(now, zone);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "after_to", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "too_long", "at most " + MAX_DAYS + " days at a time");
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();

        Map<LocalDate, CampaignResultsRows.DayRow> days = rows.days(tenantId, campaignId, start, end, zone);
        List<Day> series = new ArrayList<>();
        long orders = 0, redemptions = 0, discount = 0, refunded = 0, clawback = 0, gmv = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            CampaignResultsRows.DayRow row = days.get(d);
            if (row == null) {
                series.add(new Day(d, 0, 0, 0, 0));
                continue;
            }
            series.add(CampaignResultsRows.day(row));
            orders += row.orders();
            redemptions += row.redemptions();
            discount += row.discount();
            refunded += row.refunded();
            clawback += row.clawback();
            gmv += row.gmv();
        }
        CampaignResultsRows.Pending pending = rows.pending(tenantId, campaignId, start, end);
        Totals totals = new Totals(
                orders,
                redemptions,
                discount,
                refunded,
                clawback,
                discount - refunded - clawback,
                gmv,
                pending.pendingOrders(),
                pending.pendingDiscount(),
                pending.releasedOrders());
        List<LimitUse> limits = campaigns.limits(tenantId, campaignId).stream()
                .map(CampaignLimit::limit)
                .map(l -> {
                    Long used = l.per() == LimitScope.CAMPAIGN
                            ? counters.used(tenantId, l.id(), "campaign:" + campaignId, now)
                            : null;
                    return new LimitUse(
                            l.id(),
                            l.measure(),
                            l.per(),
                            l.period(),
                            l.maxAmount(),
                            used,
                            used == null ? null : Math.max(0, l.maxAmount() - used));
                })
                .toList();
        Coupons coupons = null;
        if (campaign.kind() == CampaignKind.COUPON) {
            long[] issued = rows.couponsIssued(tenantId, campaignId, start, end);
            coupons = new Coupons(issued[0], rows.couponsRedeemed(tenantId, campaignId, start, end), issued[1]);
        }
        return new CampaignResultsView(
                campaign.id(),
                campaign.name(),
                campaign.kind(),
                campaign.state(now),
                tenant.currency(),
                zone.getId(),
                first,
                last,
                "day",
                totals,
                limits,
                coupons,
                series);
    }

    /** The tenant's campaigns, newest first (at most 200), for a list linking to their results. */
    public List<Listed> campaigns(long tenantId) {
        return rows.list(tenantId, 200).stream()
                .map(c -> new Listed(c.id(), c.name(), c.kind(), c.status()))
                .toList();
    }
}
