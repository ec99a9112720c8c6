package io.magpie.promotion.pricing;

import java.util.Set;

/** Who is buying: tier and free-form attributes used by audience rules. */
public record Customer(String customerId, String tier, Set<String> attributes) {

    public Customer {
        attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
    }

    public static Customer anonymous() {
        return new Customer(null, null, Set.of());
    }
}
