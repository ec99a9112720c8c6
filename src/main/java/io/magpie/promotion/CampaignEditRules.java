package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.CampaignValidation.LimitSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * What may change while a campaign is published (ACTIVE or PAUSED): only changes that cannot take
 * back what customers were promised or surprise the budget owner — name and description, a later
 * end (or none), raised limits (same limits, each max at least as high), a raised coupon total or
 * per-customer allowance, and the explicit customer list. Everything else needs ending the campaign
 * and creating a new one. A DRAFT may change freely; ENDED and ARCHIVED campaigns are read-only.
 */
final class CampaignEditRules {

    private CampaignEditRules() {}

    static void checkPublished(Campaign was, List<CampaignLimit> wasLimits, Campaign now, List<LimitSpec> nowLimits) {
        var p = new ArrayList<FieldProblem>();
        same(p, "kind", was.kind(), now.kind());
        same(p, "rule_type", was.ruleType(), now.ruleType());
        if (Objects.equals(was.ruleType(), now.ruleType())) {
            same(p, "config", was.config(), now.config());
        }
        same(p, "priority", was.priority(), now.priority());
        same(p, "stacking", was.stacking(), now.stacking());
        same(p, "stack_group", was.stackGroup(), now.stackGroup());
        same(p, "percent_base", was.percentBase(), now.percentBase());
        same(p, "schedule.starts_at", was.schedule().startsAt(), now.schedule().startsAt());
        same(p, "schedule.time_zone", was.schedule().zone(), now.schedule().zone());
        same(p, "schedule.windows", was.schedule().windows(), now.schedule().windows());
        var wasEnd = was.schedule().endsAt();
        var nowEnd = now.schedule().endsAt();
        if (nowEnd != null && (wasEnd == null || nowEnd.isBefore(wasEnd))) {
            p.add(new FieldProblem(
                    "schedule.ends_at",
                    "not_editable_while_published",
                    "a published campaign's end may only move later"));
        }
        same(p, "audience.kind", was.audience().kind(), now.audience().kind());
        same(
                p,
                "audience.conditions",
                was.audience().conditions(),
                now.audience().conditions());
        same(p, "audience.provider", was.audience().provider(), now.audience().provider());
        same(p, "audience.reference", was.audience().reference(), now.audience().reference());
        same(p, "scope", was.scope(), now.scope());
        same(p, "tiers", was.tiers(), now.tiers());
        same(p, "channels", was.channels(), now.channels());
        same(p, "stores", was.stores(), now.stores());
        same(p, "refund_policy", was.refundPolicy(), now.refundPolicy());
        limits(p, wasLimits, nowLimits);
        var wc = was.coupon();
        var nc = now.coupon();
        if (wc != null && nc != null) {
            same(p, "coupon.validity", wc.validity(), nc.validity());
            same(p, "coupon.valid_from", wc.validFrom(), nc.validFrom());
            same(p, "coupon.valid_until", wc.validUntil(), nc.validUntil());
            same(p, "coupon.valid_days", wc.validDays(), nc.validDays());
            same(p, "coupon.claimable", wc.claimable(), nc.claimable());
            if (nc.totalLimit() != null && (wc.totalLimit() == null || nc.totalLimit() < wc.totalLimit())) {
                p.add(new FieldProblem(
                        "coupon.total_limit", "not_editable_while_published", "a published total may only be raised"));
            }
            if (nc.perCustomer() < wc.perCustomer()) {
                p.add(new FieldProblem(
                        "coupon.per_customer",
                        "not_editable_while_published",
                        "a published per-customer allowance may only be raised"));
            }
        }
        if (!p.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "unsafe_change",
                    "while " + was.status() + " a campaign may only change its name, description, a later end, raised "
                            + "limits and its customer list; not: "
                            + String.join(
                                    ", ", p.stream().map(FieldProblem::field).toList()),
                    p);
        }
    }

    private static void limits(List<FieldProblem> p, List<CampaignLimit> was, List<LimitSpec> now) {
        Map<String, Long> before = new HashMap<>();
        was.forEach(l -> before.put(key(l.limit()), l.limit().maxAmount()));
        Map<String, Long> after = new HashMap<>();
        now.forEach(l -> after.put(l.key(), l.max()));
        if (!before.keySet().equals(after.keySet())) {
            p.add(new FieldProblem(
                    "limits",
                    "not_editable_while_published",
                    "a published campaign keeps its limits; only raise them"));
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            LimitSpec l = now.get(i);
            if (l.max() < before.get(l.key())) {
                p.add(new FieldProblem(
                        "limits[" + i + "].max",
                        "not_editable_while_published",
                        "a published limit may only be raised"));
            }
        }
    }

    static String key(LimitDefinition d) {
        return d.measure() + "/" + d.per() + "/" + d.period();
    }

    private static void same(List<FieldProblem> p, String path, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            p.add(new FieldProblem(path, "not_editable_while_published", path + " cannot change once published"));
        }
    }
}
