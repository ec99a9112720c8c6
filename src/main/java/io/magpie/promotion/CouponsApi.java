package io.magpie.promotion;

import io.magpie.platform.Actor;
import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.magpie.promotion.CouponIssuance.IssueOutcome;
import io.magpie.promotion.CouponIssuance.Issued;
import io.magpie.promotion.CouponIssuance.Result;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Coupons: the storefront's claim, code redemption, coupon centre and wallet (scope {@code evaluate}), and the
 * operator's template figures, coupon lists and bulk issue (scope {@code promotions}).
 */
@RestController
@Tag(name = "Coupons", description = "Coupon templates, claims, codes, coupon centre and wallets")
class CouponsApi {

    private final CouponIssuance issuance;
    private final CouponWallet wallet;
    private final CouponTemplates templates;
    private final Clock clock;

    CouponsApi(CouponIssuance issuance, CouponWallet wallet, CouponTemplates templates, Clock clock) {
        this.issuance = issuance;
        this.wallet = wallet;
        this.templates = templates;
        this.clock = clock;
    }

    /** Optional facts about the customer, for templates whose audience has conditions. */
    record CustomerFacts(Map<String, Object> attributes) {}

    record ClaimBody(Long templateId, String customerId, String requestId, CustomerFacts customer) {}

    record RedeemBody(String customerId, String code, CustomerFacts customer) {}

    record IssueBody(List<String> customerIds) {}

    record IssueResponse(int issued, int limitReached, int soldOut, int duplicate, List<IssueOutcome> results) {}

    record JobStarted(long jobId, String statusUrl) {}

    record Items<T>(List<T> items) {}

    @PostMapping("/api/v1/coupons/claim")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "A customer claims a coupon of a template",
            description = "201 with the coupon; 200 with the same coupon when request_id was seen before. 409 "
                    + "not_claimable / not_started / ended / limit_reached / sold_out / request_id_conflict, "
                    + "403 audience_mismatch, 404 not_found.")
    ResponseEntity<CouponView> claim(@RequestBody ClaimBody body) {
        if (body.templateId() == null) {
            throw ProblemException.invalidField("template_id", "required", "template_id is required");
        }
        long tenantId = Tenancy.currentTenantId();
        Issued issued = issuance.claim(
                tenantId, body.templateId(), body.customerId(), attributes(body.customer()), body.requestId());
        return answer(tenantId, issued);
    }

    @PostMapping("/api/v1/coupons/redeem-code")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "A customer redeems a coupon code",
            description = "Codes are case-insensitive; a code whose check character is wrong is 404 unknown_code "
                    + "at once. 201 with the new coupon (source CODE); 200 with the same coupon when this customer "
                    + "already redeemed the code; 409 code_used when someone else did.")
    ResponseEntity<CouponView> redeemCode(@RequestBody RedeemBody body) {
        long tenantId = Tenancy.currentTenantId();
        Issued issued = issuance.redeemCode(tenantId, body.customerId(), body.code(), attributes(body.customer()));
        return answer(tenantId, issued);
    }

    @GetMapping("/api/v1/coupon-centre")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "Coupon centre (领券中心): templates the customer may claim now",
            description = "Running, claimable, inside their time windows, not sold out, the customer under the "
                    + "per-customer limit and inside the audience. Customer attributes for conditional audiences "
                    + "as query parameters attr.<name>=<value>. Badges and validity texts follow Accept-Language.")
    Items<CouponCentreEntry> centre(
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam Map<String, String> query) {
        CouponIssuance.checkCustomerId("customer_id", customerId);
        Map<String, Object> attributes = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (k.startsWith("attr.") && k.length() > 5) {
                attributes.put(k.substring(5), v);
            }
        });
        return new Items<>(wallet.centre(
                Tenancy.currentTenantId(), customerId, attributes.isEmpty() ? null : attributes, locale()));
    }

    @GetMapping("/api/v1/customers/{customerId}/coupons")
    @PreAuthorize(Scopes.CAN_EVALUATE)
    @Operation(
            summary = "The customer's wallet",
            description = "state: comma-separated usable, upcoming (valid later), used (locked or redeemed), "
                    + "expired; default usable,upcoming. cart_amount (fen): threshold coupons get shortfall and a "
                    + "localized hint (\"差 12.00 元可用\").")
    Items<CouponView> wallet(
            @PathVariable String customerId,
            @RequestParam(required = false) String state,
            @RequestParam(name = "cart_amount", required = false) Long cartAmount) {
        CouponIssuance.checkCustomerId("customer_id", customerId);
        Set<String> statuses = state == null || state.isBlank()
                ? Set.of("usable", "upcoming")
                : new LinkedHashSet<>(
                        Arrays.stream(state.split(",")).map(String::strip).toList());
        if (!CouponWallet.STATUSES.containsAll(statuses)) {
            throw ProblemException.invalidField(
                    "state", "invalid_value", "state is one or more of usable, upcoming, used, expired");
        }
        if (cartAmount != null && cartAmount < 0) {
            throw ProblemException.invalidField("cart_amount", "out_of_range", "cart_amount must not be negative");
        }
        return new Items<>(wallet.wallet(Tenancy.currentTenantId(), customerId, statuses, cartAmount, locale()));
    }

    @GetMapping("/api/v1/coupon-templates")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "Coupon templates with issued, redeemed and locked counts, newest first (at most 500)")
    Items<CouponTemplateView> templates() {
        return new Items<>(templates.list(Tenancy.currentTenantId(), locale()));
    }

    @GetMapping("/api/v1/coupon-templates/{id}")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "One coupon template with its figures")
    CouponTemplateView template(@PathVariable long id) {
        return templates
                .find(Tenancy.currentTenantId(), id, locale())
                .orElseThrow(() -> ProblemException.notFound("coupon template", id));
    }

    @GetMapping("/api/v1/coupon-templates/{id}/coupons")
    @PreAuthorize(Scopes.CAN_READ_PROMOTIONS)
    @Operation(summary = "Coupons of a template, newest first; state filters the stored state")
    CursorPage<CouponView> coupons(
            @PathVariable long id,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        CouponState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = CouponState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(
                        "state", "invalid_value", "state is one of AVAILABLE, LOCKED, REDEEMED, EXPIRED, VOID");
            }
        }
        return templates.coupons(Tenancy.currentTenantId(), id, filter, limit, cursor, locale());
    }

    @PostMapping("/api/v1/coupon-templates/{id}/issue")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Issue one coupon to each listed customer (at most 10,000)",
            description = "Per-row results ISSUED / LIMIT_REACHED / SOLD_OUT / DUPLICATE, in list order; the total "
                    + "limit is never exceeded (the rest of the list is SOLD_OUT once it runs out). Any invalid id: "
                    + "400 and nothing issued. Larger lists: POST a CSV file to /issue-jobs.")
    IssueResponse issue(@PathVariable long id, @RequestBody IssueBody body) {
        List<IssueOutcome> results = templates.issue(Tenancy.currentTenantId(), id, body.customerIds());
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        results.forEach(r -> counts.merge(r.result(), 1, Integer::sum));
        return new IssueResponse(
                counts.getOrDefault(Result.ISSUED, 0),
                counts.getOrDefault(Result.LIMIT_REACHED, 0),
                counts.getOrDefault(Result.SOLD_OUT, 0),
                counts.getOrDefault(Result.DUPLICATE, 0),
                results);
    }

    @PostMapping("/api/v1/coupon-templates/{id}/issue-jobs")
    @PreAuthorize(Scopes.CAN_MANAGE_PROMOTIONS)
    @Operation(
            summary = "Issue to every customer id of a CSV file in the background",
            description = "multipart field 'file': first column customer ids, optional header customer_id, at most "
                    + "1,000,000 rows. 202 with the job; its message gives the counts per result.")
    ResponseEntity<JobStarted> issueJob(
            @PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "required", "send the CSV as multipart field 'file'");
        }
        Actor actor = Tenancy.currentActor();
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long jobId = templates.issueFromCsv(actor.tenantId(), id, bytes, actor.actorName());
        String url = "/api/v1/jobs/" + jobId;
        return ResponseEntity.accepted().location(URI.create(url)).body(new JobStarted(jobId, url));
    }

    private ResponseEntity<CouponView> answer(long tenantId, Issued issued) {
        HeldCoupon c = issued.coupon();
        Campaign template = issuance.template(tenantId, c.campaignId());
        CouponView view = CouponWallet.view(c, template, clock.instant(), null, locale());
        return ResponseEntity.status(issued.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(view);
    }

    private static Map<String, ?> attributes(CustomerFacts customer) {
        return customer == null ? null : customer.attributes();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
