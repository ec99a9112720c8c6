package io.magpie.commerce;

import io.magpie.platform.CursorPage;
import io.magpie.platform.ProblemException;
import io.magpie.platform.Scopes;
import io.magpie.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers, addressed by the merchant's customer id. Phone and e-mail are accepted in clear and
 * kept only as a per-tenant hash plus a masked form; search by them hashes the query.
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomersApi {

    static final int MAX_BULK = 5000;

    private final CustomerWriter writer;
    private final CustomerQueries queries;
    private final ContactHashing hashing;
    private final TransactionTemplate tx;

    CustomersApi(CustomerWriter writer, CustomerQueries queries, ContactHashing hashing, TransactionTemplate tx) {
        this.writer = writer;
        this.queries = queries;
        this.hashing = hashing;
        this.tx = tx;
    }

    record CustomerBody(String name, String phone, String email, Map<String, Object> attributes, String registeredAt) {}

    /** {@code registered_at} is ISO-8601 with an offset, e.g. {@code 2024-05-01T10:00:00Z}. */
    record BulkCustomer(
            String externalId,
            String name,
            String phone,
            String email,
            Map<String, Object> attributes,
            String registeredAt) {}

    record BulkCustomers(List<BulkCustomer> customers) {}

    record BulkResult(long created, long updated) {}

    @PutMapping("/{externalId}")
    @PreAuthorize(Scopes.CAN_WRITE_CUSTOMERS)
    @Operation(
            summary = "Create or replace a customer",
            description = "phone: 6–15 digits, formatting characters allowed, country code kept as given; "
                    + "email: trimmed and lower-cased. Both are stored only as hash + mask.")
    ResponseEntity<CustomerView> put(@PathVariable String externalId, @RequestBody CustomerBody body) {
        InputRules.pathCode("external_id", externalId);
        long tenantId = Tenancy.currentTenantId();
        InputErrors errors = new InputErrors();
        CustomerInput input = new CustomerInput(
                externalId,
                body.name(),
                body.phone(),
                body.email(),
                body.attributes() == null ? Map.of() : body.attributes(),
                CustomerRules.parseTime("registered_at", body.registeredAt(), errors));
        CustomerRules.check(List.of(input), i -> "", errors).throwIfAny();
        Upserted<CustomerView> saved = tx.execute(s -> {
            UpsertCounts counts = writer.upsert(tenantId, List.of(input), false, n -> {});
            return new Upserted<>(queries.get(tenantId, externalId).orElseThrow(), counts.created() > 0);
        });
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.value());
    }

    @PostMapping("/bulk")
    @PreAuthorize(Scopes.CAN_WRITE_CUSTOMERS)
    @Operation(
            summary = "Create or replace up to 5000 customers at once",
            description = "All are checked first; any problem → 400 with every problem and nothing written.")
    BulkResult bulk(@RequestBody BulkCustomers body) {
        long tenantId = Tenancy.currentTenantId();
        if (body.customers() == null) {
            throw ProblemException.invalidField("customers", "required", "customers is required");
        }
        if (body.customers().size() > MAX_BULK) {
            throw ProblemException.invalidField(
                    "customers", "size", "at most " + MAX_BULK + " customers per request; split the batch");
        }
        InputErrors errors = new InputErrors();
        List<CustomerInput> inputs = new ArrayList<>(body.customers().size());
        for (int i = 0; i < body.customers().size(); i++) {
            BulkCustomer c = body.customers().get(i);
            inputs.add(
                    c == null
                            ? null
                            : new CustomerInput(
                                    c.externalId(),
                                    c.name(),
                                    c.phone(),
                                    c.email(),
                                    c.attributes() == null ? Map.of() : c.attributes(),
                                    CustomerRules.parseTime(
                                            "customers[" + i + "].registered_at", c.registeredAt(), errors)));
        }
        CustomerRules.check(inputs, i -> "customers[" + i + "].", errors).throwIfAny();
        UpsertCounts counts = writer.upsert(tenantId, inputs, false, n -> {});
        return new BulkResult(counts.created(), counts.updated());
    }

    @GetMapping
    @PreAuthorize(Scopes.CAN_READ_CUSTOMERS)
    @Operation(
            summary = "Customers, newest first",
            description = "q matches external id or name; phone and email match exactly after normalization.")
    CursorPage<CustomerView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int n = CursorPage.limit(limit);
        long after = CursorPage.after(cursor);
        if (q != null && q.length() > InputRules.MAX_NAME) {
            throw ProblemException.invalidField("q", "invalid_value", "q is at most 200 characters");
        }
        long tenantId = Tenancy.currentTenantId();
        String phoneHash = phone == null ? null : hashing.phone(tenantId, phone).hash();
        String emailHash = email == null ? null : hashing.email(tenantId, email).hash();
        return queries.list(tenantId, new CustomerQueries.Filter(q, phoneHash, emailHash), n, after);
    }

    @GetMapping("/{externalId}")
    @PreAuthorize(Scopes.CAN_READ_CUSTOMERS)
    @Operation(summary = "One customer")
    CustomerView get(@PathVariable String externalId) {
        return queries.get(Tenancy.currentTenantId(), externalId)
                .orElseThrow(() -> ProblemException.notFound("customer", externalId));
    }
}
