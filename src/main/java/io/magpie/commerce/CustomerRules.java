package io.magpie.commerce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/** Checks customers before any is written. */
final class CustomerRules {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private CustomerRules() {}

    /** @param prefix field prefix of the i-th customer, e.g. {@code customers[3].} or an empty string */
    static InputErrors check(List<CustomerInput> customers, IntFunction<String> prefix, InputErrors errors) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < customers.size(); i++) {
            CustomerInput c = customers.get(i);
            String at = prefix.apply(i);
            if (c == null) {
                errors.add(
                        at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "required", "customer is required");
                continue;
            }
            InputRules.requireCode(errors, at + "external_id", c.externalId());
            if (c.externalId() != null && !ids.add(c.externalId())) {
                errors.add(at + "external_id", "duplicate", "customer '" + c.externalId() + "' appears more than once");
            }
            InputRules.optionalText(errors, at + "name", c.name(), InputRules.MAX_NAME, false);
            if (c.phone() != null && ContactFormats.normalizePhone(c.phone()) == null) {
                errors.add(at + "phone", "invalid_value", "phone " + ContactFormats.PHONE_RULE);
            }
            if (c.email() != null && ContactFormats.normalizeEmail(c.email()) == null) {
                errors.add(at + "email", "invalid_value", "email " + ContactFormats.EMAIL_RULE);
            }
            String when = registeredAt(c.registeredAt());
            if (when != null) {
                errors.add(at + "registered_at", "out_of_range", when);
            }
            InputRules.attributes(at + "attributes", c.attributes(), errors);
        }
        return errors;
    }

    /**
     * An ISO-8601 time with offset ({@code 2024-05-01T10:00:00Z}); a bad one adds a problem and
     * gives {@code null}. Parsed here rather than by Jackson so the problem names its field.
     */
    static Instant parseTime(String field, String value, InputErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid_value", "'" + value + "' is not an ISO-8601 time like 2024-05-01T10:00:00Z");
            return null;
        }
    }

    static String registeredAt(Instant at) {
        if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(LATEST))) {
            return "registered_at must be between 1900 and 2999";
        }
        return null;
    }
}
