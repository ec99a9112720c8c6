package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import io.magpie.promotion.Campaign.CouponSettings;
import io.magpie.promotion.CouponRows.NewCoupon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts coupons into customers' hands: claims from the coupon centre, bulk issue by an operator and code
 * redemption. Nothing is decided by reading first and writing later:
 *
 * <ul>
 *   <li>the per-customer limit is the unique (tenant, template, customer, claim_no) with claim_no computed
 *       inside the INSERT … SELECT and bounded by the template's per-customer limit; two concurrent claims of
 *       one customer collide on the key and the loser retries (then sees the limit);
 *   <li>the total limit is one conditional update of {@code issued_count} in the same transaction
 *       ({@link CouponStock#consume}); when it refuses, the coupon row rolls back with it;
 *   <li>a code is taken by a conditional update of its state (AVAILABLE → ISSUED) in that transaction too.
 * </ul>
 */
@Service
public class CouponIssuance {

    /** Customers per synchronous bulk issue; larger lists go through a CSV job. */
    public static final int MAX_BULK = 10_000;

    static final int MAX_ID_LENGTH = 100;
    private static final int MAX_ATTEMPTS = 5;

    private final CampaignRows campaigns;
    private final CouponRows coupons;
    private final CouponStock stock;
    private final CouponCodes codes;
    private final CouponAudience audience;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CouponIssuance(
            CampaignRows campaigns,
            CouponRows coupons,
            CouponStock stock,
            CouponCodes codes,
            CouponAudience audience,
            ApplicationEventPublisher events,
            PlatformTransactionManager tm,
            Clock clock) {
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.stock = stock;
        this.codes = codes;
        this.audience = audience;
        this.events = events;
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
    }

    /** A coupon handed out, and whether this call only replayed an earlier one (same request id or code). */
    public record Issued(HeldCoupon coupon, boolean replayed) {}

    /** What bulk issue did for one listed customer. */
    public enum Result {
        ISSUED,
        LIMIT_REACHED,
        SOLD_OUT,
        /** The id appeared earlier in the same list; only its first occurrence counts. */
        DUPLICATE
    }

    /** One row of a bulk issue: the customer, the result and the coupon id when issued. */
    public record IssueOutcome(String customerId, Result result, Long couponId) {}

    /**
     * A customer claims a coupon of a claimable, running template.
     *
     * @param attributes the customer's attributes, checked against a CONDITIONS audience (may be null)
     * @param requestId optional client id of this claim: sending it again returns the same coupon
     * @throws ProblemException 404 {@code not_found}; 409 {@code not_claimable}, {@code not_started}, {@code
     *     ended}, {@code limit_reached}, {@code sold_out}, {@code request_id_conflict}; 403 {@code audience_mismatch}
     */
    public Issued claim(
            long tenantId, long templateId, String customerId, Map<String, ?> attributes, String requestId) {
        checkCustomerId("customer_id", customerId);
        if (requestId != null
                && (requestId.isBlank() || requestId.length() > MAX_ID_LENGTH || TextChecks.hasControl(requestId))) {
            throw ProblemException.invalidField(
                    "request_id",
                    "invalid_value",
                    "request_id has 1 to " + MAX_ID_LENGTH + " characters without control characters");
        }
        return retrying(() -> tx.execute(s -> {
            if (requestId != null) {
                Optional<HeldCoupon> prior = coupons.findByRequestId(tenantId, requestId);
                if (prior.isPresent()) {
                    return replay(prior.get(), templateId, customerId);
                }
            }
            Instant now = clock.instant();
            Campaign template = template(tenantId, templateId);
            refuseUnless(distributionProblem(template, CouponSource.CLAIM, now));
            requireAudience(template, customerId, attributes);
            return new Issued(write(template, customerId, null, CouponSource.CLAIM, now, requestId), false);
        }));
    }

    /**
     * A customer redeems a code of a batch linked to a template: the code becomes ISSUED to the customer and the
     * customer gets a coupon carrying the code. Redeeming the same code again by the same customer returns that
     * coupon; by anyone else it is {@code code_used}.
     *
     * @throws ProblemException 404 {@code unknown_code}; 409 {@code code_used} and the claim problems
     */
    public Issued redeemCode(long tenantId, String customerId, String typed, Map<String, ?> attributes) {
        checkCustomerId("customer_id", customerId);
        if (typed == null || typed.isBlank()) {
            throw ProblemException.invalidField("code", "required", "code is required");
        }
        return retrying(() -> tx.execute(s -> {
            Instant now = clock.instant();
            CouponCodeView code = codes.find(tenantId, typed).orElseThrow(CouponIssuance::unknownCode);
            long templateId = codes.templateOf(tenantId, code.batchId()).orElseThrow(CouponIssuance::unknownCode);
            if (code.state() != CouponCodeState.AVAILABLE) {
                return redeemedBefore(tenantId, code, customerId);
            }
            Campaign template = template(tenantId, templateId);
            refuseUnless(distributionProblem(template, CouponSource.CODE, now));
            requireAudience(template, customerId, attributes);
            if (!codes.take(tenantId, code.id(), customerId, now)) {
                // a concurrent redemption won; its outcome is committed now
                return redeemedBefore(tenantId, codes.find(tenantId, typed).orElseThrow(), customerId);
            }
            return new Issued(write(template, customerId, code.code(), CouponSource.CODE, now, null), false);
        }));
    }

    /**
     * An operator issues one coupon to each listed customer (at most {@link #MAX_BULK}). Per-row results, not all
     * or nothing: customers at their per-customer limit are skipped, and when the total limit runs out the rest of
     * the list (in list order) is {@code SOLD_OUT}; the total limit is never exceeded. Operator issue ignores the
     * audience, the claimable flag and time windows, and is allowed while the template is SCHEDULED or RUNNING.
     */
    public List<IssueOutcome> issue(long tenantId, long templateId, List<String> customerIds) {
        if (customerIds == null || customerIds.isEmpty()) {
            throw ProblemException.invalidField("customer_ids", "required", "list at least one customer id");
        }
        if (customerIds.size() > MAX_BULK) {
            throw ProblemException.invalidField(
                    "customer_ids",
                    "too_many",
                    "at most " + MAX_BULK + " customers per request; upload a CSV file for more");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < customerIds.size() && problems.size() < 100; i++) {
            String problem = customerIdProblem(customerIds.get(i));
            if (problem != null) {
                problems.add(new FieldProblem("customer_ids[" + i + "]", "invalid_value", problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation_failed",
                    problems.size() + " customer ids are invalid; nothing was issued",
                    problems);
        }
        Instant now = clock.instant();
        Campaign template = template(tenantId, templateId);
        refuseUnless(distributionProblem(template, CouponSource.ISSUE, now));
        return issueChecked(template, customerIds, now);
    }

    /** Bulk issue of an already validated chunk (the CSV job calls this per chunk). */
    List<IssueOutcome> issueChecked(Campaign template, List<String> customerIds, Instant now) {
        long tenantId = template.tenantId();
        Set<String> distinct = new LinkedHashSet<>(customerIds);
        List<String> unique = List.copyOf(distinct);
        Validity validity = validity(template, now);
        Map<String, Long> issued = tx.execute(s -> {
            OptionalInt remaining = stock.lockRemaining(tenantId, template.id());
            int max = remaining.isPresent() ? Math.min(remaining.getAsInt(), unique.size()) : unique.size();
            Map<String, Long> written = coupons.insertEach(
                    tenantId,
                    template.id(),
                    unique,
                    CouponSource.ISSUE,
                    validity.from(),
                    validity.until(),
                    now,
                    perCustomer(template),
                    max);
            if (!written.isEmpty() && !stock.consume(tenantId, template.id(), written.size())) {
                throw new IllegalStateException("total limit moved while the template row was locked");
            }
            written.forEach((customer, id) ->
                    events.publishEvent(new CouponIssued(tenantId, id, template.id(), customer, CouponSource.ISSUE)));
            return written;
        });
        List<String> notIssued =
                unique.stream().filter(c -> !issued.containsKey(c)).toList();
        Map<String, Integer> held =
                notIssued.isEmpty() ? Map.of() : coupons.receivedEach(tenantId, template.id(), notIssued);
        int per = perCustomer(template);
        List<IssueOutcome> outcomes = new ArrayList<>(customerIds.size());
        Set<String> seen = new java.util.HashSet<>();
        for (String customer : customerIds) {
            if (!seen.add(customer)) {
                outcomes.add(new IssueOutcome(customer, Result.DUPLICATE, null));
            } else if (issued.containsKey(customer)) {
                outcomes.add(new IssueOutcome(customer, Result.ISSUED, issued.get(customer)));
            } else {
                boolean atLimit = held.getOrDefault(customer, 0) >= per;
                outcomes.add(new IssueOutcome(customer, atLimit ? Result.LIMIT_REACHED : Result.SOLD_OUT, null));
            }
        }
        return outcomes;
    }

    /**
     * What the typed code would give {@code customerId} at {@code at}, without writing anything. Empty when no code
     * of a batch linked to a coupon template matches (unknown, typo, unlinked batch). The customer may be null
     * (anonymous cart): then only audience EVERYONE passes and per-customer limits are not checked.
     */
    public Optional<CodeCoupon> previewCode(long tenantId, String customerId, String typed, Instant at) {
        return previewCode(tenantId, customerId, null, typed, at);
    }

    /** As {@link #previewCode(long, String, String, Instant)}, checking a CONDITIONS audience on {@code attributes}. */
    public Optional<CodeCoupon> previewCode(
            long tenantId, String customerId, Map<String, ?> attributes, String typed, Instant at) {
        Optional<CouponCodeView> found = codes.find(tenantId, typed);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CouponCodeView code = found.get();
        Optional<Campaign> linked = codes.templateOf(tenantId, code.batchId())
                .flatMap(id -> campaigns.find(tenantId, id))
                .filter(c -> c.kind() == CampaignKind.COUPON && c.coupon() != null);
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Campaign template = linked.get();
        if (code.state() == CouponCodeState.ISSUED && customerId != null && customerId.equals(code.customerId())) {
            Optional<HeldCoupon> held = coupons.findByCode(tenantId, code.code());
            if (held.isPresent()) {
                HeldCoupon c = held.get();
                String unavailable = c.usableAt(at)
                        ? null
                        : c.state() == CouponState.AVAILABLE && at.isBefore(c.validFrom())
                                ? "not_started"
                                : c.state() == CouponState.AVAILABLE || c.state() == CouponState.EXPIRED
                                        ? "expired"
                                        : "code_used";
                return Optional.of(
                        new CodeCoupon(code.code(), template, c.validFrom(), c.expiresAt(), c.id(), unavailable));
            }
        }
        Validity validity = validity(template, at);
        String unavailable;
        if (code.state() != CouponCodeState.AVAILABLE) {
            unavailable = "code_used";
        } else {
            unavailable = distributionProblem(template, CouponSource.CODE, at);
        }
        if (unavailable == null && !audience.includes(template, customerId, attributes)) {
            unavailable = "audience_mismatch";
        }
        if (unavailable == null
                && customerId != null
                && coupons.received(tenantId, template.id(), customerId) >= perCustomer(template)) {
            unavailable = "limit_reached";
        }
        CouponSettings settings = template.coupon();
        if (unavailable == null && settings.totalLimit() != null && template.issuedCount() >= settings.totalLimit()) {
            unavailable = "sold_out";
        }
        return Optional.of(new CodeCoupon(code.code(), template, validity.from(), validity.until(), null, unavailable));
    }

    /**
     * Why coupons of the template cannot be handed out through {@code source} at {@code at}, as a stable problem
     * code, or null when they can. Claims and codes need a RUNNING template inside its time windows (claims also
     * the claimable flag); operator issue accepts SCHEDULED and ignores windows. A FIXED validity that has ended
     * makes every channel {@code ended}.
     */
    static String distributionProblem(Campaign template, CouponSource source, Instant at) {
        CampaignState state = template.state(at);
        String problem = switch (state) {
            case DRAFT, PAUSED, ARCHIVED -> "not_claimable";
            case ENDED -> "ended";
            case SCHEDULED -> source == CouponSource.ISSUE ? null : "not_started";
            case RUNNING -> source == CouponSource.ISSUE || template.schedule().isOpen(at) ? null : "not_started";
        };
        if (problem != null) {
            return problem;
        }
        CouponSettings settings = template.coupon();
        if (source == CouponSource.CLAIM && !settings.claimable()) {
            return "not_claimable";
        }
        if (settings.validity() == CouponSettings.Validity.FIXED
                && settings.validUntil() != null
                && !at.isBefore(settings.validUntil())) {
            return "ended";
        }
        return null;
    }

    /** The validity a coupon issued at {@code at} gets: the template's fixed dates, or {@code at} + valid days. */
    record Validity(Instant from, Instant until) {}

    static Validity validity(Campaign template, Instant at) {
        CouponSettings s = template.coupon();
        if (s.validity() == CouponSettings.Validity.FIXED) {
            Instant until = s.validUntil() != null
                    ? s.validUntil()
                    : template.schedule().endsAt() != null
                            ? template.schedule().endsAt()
                            : at.plus(Duration.ofDays(365));
            return new Validity(s.validFrom() != null ? s.validFrom() : at, until);
        }
        int days = s.validDays() == null ? 30 : s.validDays();
        return new Validity(at, at.plus(Duration.ofDays(days)));
    }

    static int perCustomer(Campaign template) {
        int per = template.coupon().perCustomer();
        return per <= 0 ? Integer.MAX_VALUE : per;
    }

    /** A COUPON campaign of the tenant, or 404. */
    Campaign template(long tenantId, long templateId) {
        return campaigns
                .find(tenantId, templateId)
                .filter(c -> c.kind() == CampaignKind.COUPON && c.coupon() != null)
                .orElseThrow(() -> ProblemException.notFound("coupon template", templateId));
    }

    private HeldCoupon write(
            Campaign template, String customerId, String code, CouponSource source, Instant now, String requestId) {
        long tenantId = template.tenantId();
        Validity validity = validity(template, now);
        long id = coupons.insertNext(
                        new NewCoupon(
                                tenantId,
                                template.id(),
                                customerId,
                                code,
                                source,
                                validity.from(),
                                validity.until(),
                                now,
                                requestId),
                        perCustomer(template))
                .orElseThrow(() -> ProblemException.conflict(
                        "limit_reached", "the customer already holds as many coupons of this template as allowed"));
        if (!stock.consume(tenantId, template.id(), 1)) {
            // the exception rolls the coupon row (and a taken code) back with the transaction
            throw ProblemException.conflict("sold_out", "every coupon of this template has been handed out");
        }
        events.publishEvent(new CouponIssued(tenantId, id, template.id(), customerId, source));
        return coupons.find(tenantId, id).orElseThrow();
    }

    private Issued redeemedBefore(long tenantId, CouponCodeView code, String customerId) {
        if (code.state() == CouponCodeState.ISSUED && customerId.equals(code.customerId())) {
            Optional<HeldCoupon> held = coupons.findByCode(tenantId, code.code());
            if (held.isPresent()) {
                return new Issued(held.get(), true);
            }
        }
        throw ProblemException.conflict("code_used", "this code has already been redeemed");
    }

    private static Issued replay(HeldCoupon prior, long templateId, String customerId) {
        if (prior.campaignId() != templateId
                || !prior.customerId().equals(customerId)
                || prior.source() != CouponSource.CLAIM) {
            throw ProblemException.conflict(
                    "request_id_conflict", "request_id was already used for another claim; send a new one");
        }
        return new Issued(prior, true);
    }

    private void requireAudience(Campaign template, String customerId, Map<String, ?> attributes) {
        if (!audience.includes(template, customerId, attributes)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "audience_mismatch",
                    template.audience().kind() == Campaign.Audience.Kind.CONDITIONS && attributes == null
                            ? "this template is for customers matching conditions; send customer.attributes"
                            : "this coupon is not offered to this customer");
        }
    }

    private static void refuseUnless(String problem) {
        if (problem != null) {
            throw ProblemException.conflict(
                    problem,
                    switch (problem) {
                        case "not_started" -> "the coupon cannot be claimed yet";
                        case "ended" -> "the coupon can no longer be claimed";
                        default -> "the coupon is not available for claiming";
                    });
        }
    }

    private static ProblemException unknownCode() {
        return new ProblemException(HttpStatus.NOT_FOUND, "unknown_code", "no coupon has this code");
    }

    private static <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (DuplicateKeyException e) {
                // a concurrent claim of the same customer (or request id) committed first; the next attempt sees it
                if (i >= MAX_ATTEMPTS) {
                    throw ProblemException.conflict("limit_reached", "the customer's claims collided; try again");
                }
            }
        }
    }

    static void checkCustomerId(String field, String customerId) {
        String problem = customerIdProblem(customerId);
        if (problem != null) {
            throw ProblemException.invalidField(field, customerId == null ? "required" : "invalid_value", problem);
        }
    }

    static String customerIdProblem(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return "a customer id is required";
        }
        if (customerId.length() > MAX_ID_LENGTH || !customerId.strip().equals(customerId)) {
            return "a customer id has at most " + MAX_ID_LENGTH + " characters and no surrounding spaces";
        }
        if (TextChecks.hasControl(customerId)) {
            return "a customer id has no control characters";
        }
        return null;
    }
}
