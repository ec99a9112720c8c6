package io.magpie.promotion.pricing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What is being priced, at a given instant (the caller reads its clock, the engine never does).
 *
 * @param freight shipping fee in minor units before any free-shipping offer
 */
public record Cart(List<CartLine> lines, Customer customer, String channel, String storeId, long freight, Instant at) {

    public Cart {
        lines = List.copyOf(lines);
        customer = customer == null ? Customer.anonymous() : customer;
        Objects.requireNonNull(at, "at");
        if (freight < 0) {
            throw new IllegalArgumentException("freight must not be negative");
        }
        if (lines.size() <= 16) {
            // small carts (the usual): pairwise, no set
            for (int i = 1; i < lines.size(); i++) {
                String id = lines.get(i).lineId();
                for (int j = 0; j < i; j++) {
                    if (lines.get(j).lineId().equals(id)) {
                        throw new IllegalArgumentException("duplicate line id " + id);
                    }
                }
            }
        } else {
            var ids = new HashSet<String>();
            for (CartLine line : lines) {
                if (!ids.add(line.lineId())) {
                    throw new IllegalArgumentException("duplicate line id " + line.lineId());
                }
            }
        }
    }

    public long subtotal() {
        long sum = 0;
        for (CartLine line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        return sum;
    }
}
