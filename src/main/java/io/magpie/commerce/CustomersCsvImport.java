package io.magpie.commerce;

import io.magpie.platform.Job.RowError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Customers from CSV, one row each. Phone and e-mail are hashed and masked on the way in. A row
 * replaces name, phone, e-mail and registration time (a blank cell clears it) and keeps the stored
 * attributes. {@code registered_at} is ISO-8601 with an offset ({@code 2024-05-01T10:00:00Z},
 * {@code 2024-05-01T18:00:00+08:00}) or local ({@code 2024-05-01 18:00:00}, {@code 2024-05-01})
 * in the tenant's time zone.
 */
@Component
class CustomersCsvImport implements CsvImport<CustomersCsvImport.Row> {

    static final List<String> REQUIRED = List.of("external_id");
    static final List<String> OPTIONAL = List.of("name", "phone", "email", "registered_at");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]");

    private final TenantSettings settings;
    private final CustomerWriter writer;

    CustomersCsvImport(TenantSettings settings, CustomerWriter writer) {
        this.settings = settings;
        this.writer = writer;
    }

    /** One parsed customer row. */
    record Row(long number, CustomerInput customer) {}

    @Override
    public String kind() {
        return "customers";
    }

    @Override
    public List<String> requiredColumns() {
        return REQUIRED;
    }

    @Override
    public List<String> optionalColumns() {
        return OPTIONAL;
    }

    @Override
    public Row parse(long tenantId, long rowNumber, CsvRow row, List<RowError> errors) {
        int before = errors.size();
        String externalId = ProductsCsvImport.code(rowNumber, row, "external_id", true, errors);
        String name = row.optional("name").orElse(null);
        String nameProblem = InputRules.text(name, InputRules.MAX_NAME, false);
        if (nameProblem != null) {
            errors.add(new RowError(rowNumber, "name", "name " + nameProblem));
        }
        String phone = row.optional("phone").orElse(null);
        if (phone != null && ContactFormats.normalizePhone(phone) == null) {
            errors.add(new RowError(rowNumber, "phone", "phone " + ContactFormats.PHONE_RULE));
        }
        String email = row.optional("email").orElse(null);
        if (email != null && ContactFormats.normalizeEmail(email) == null) {
            errors.add(new RowError(rowNumber, "email", "email " + ContactFormats.EMAIL_RULE));
        }
        Instant registeredAt = row.optional("registered_at")
                .map(v -> instant(v, settings.timeZone(tenantId), rowNumber, errors))
                .orElse(null);
        if (errors.size() > before) {
            return null;
        }
        return new Row(rowNumber, new CustomerInput(externalId, name, phone, email, null, registeredAt));
    }

    @Override
    public void check(long tenantId, List<Row> rows, List<RowError> errors) {
        Map<String, Long> seen = new HashMap<>();
        for (Row r : rows) {
            Long earlier = seen.putIfAbsent(r.customer().externalId(), r.number());
            if (earlier != null) {
                errors.add(new RowError(
                        r.number(),
                        "external_id",
                        "customer '" + r.customer().externalId() + "' already appears in row " + earlier));
            }
        }
    }

    @Override
    public void write(long tenantId, List<Row> rows, LongConsumer progress) {
        writer.upsert(tenantId, rows.stream().map(Row::customer).toList(), true, progress);
    }

    private static Instant instant(String v, ZoneId zone, long n, List<RowError> errors) {
        Instant at = null;
        try {
            at = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                at = LocalDateTime.parse(v, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocalDateTime) {
                try {
                    at = LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.add(new RowError(
                            n, "registered_at", "'" + v + "' is not a time like 2024-05-01T10:00:00Z or 2024-05-01"));
                    return null;
                }
            }
        }
        String range = CustomerRules.registeredAt(at);
        if (range != null) {
            errors.add(new RowError(n, "registered_at", range));
            return null;
        }
        return at;
    }
}
