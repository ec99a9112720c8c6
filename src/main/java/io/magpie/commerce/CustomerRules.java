package io.magpie.commerce;

import java.time.Instant;
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
    static InputErrors check(List<CustomerInput> customers, IntFunction<String> prefix) {
        InputErrors errors = new InputErrors();
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

    static String registeredAt(Instant at) {
        if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(LATEST))) {
            return "registered_at must be between 1900 and 2999";
        }
        return null;
    }
}
