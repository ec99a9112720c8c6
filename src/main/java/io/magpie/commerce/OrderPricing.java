package io.magpie.commerce;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The amounts of an order: each line's gross less its own discount, the order discount prorated over
 * those net amounts by largest remainder, then freight. Pure arithmetic in exact longs.
 */
final class OrderPricing {

    private OrderPricing() {}

    /** Totals plus, per line, the discount (own + share) and the amount paid. */
    record Priced(long subtotal, long discount, long freight, long total, long[] lineDiscounts, long[] lineAmounts) {}

    /** Amounts that cannot be priced; {@code field} is relative to the order. */
    static final class Rejected extends RuntimeException {
        final HttpStatus status;
        final String code;
        final String field;

        Rejected(HttpStatus status, String code, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }

    static Priced price(List<OrderDraft.Line> lines, long orderDiscount, long freight) {
        int n = lines.size();
        long[] nets = new long[n];
        long subtotal = 0;
        try {
            for (int i = 0; i < n; i++) {
                OrderDraft.Line l = lines.get(i);
                long gross = Math.multiplyExact(l.quantity(), l.unitPrice());
                if (l.discount() > gross) {
                    throw new Rejected(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "discount_exceeds_amount",
                            "lines[" + i + "].discount",
                            "line discount " + l.discount() + " exceeds the line amount " + gross);
                }
                nets[i] = gross - l.discount();
                subtotal = Math.addExact(subtotal, nets[i]);
            }
            if (orderDiscount > subtotal) {
                throw new Rejected(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "discount_exceeds_amount",
                        "discount",
                        "order discount " + orderDiscount + " exceeds the subtotal " + subtotal);
            }
            long total = Math.addExact(subtotal - orderDiscount, freight);
            long[] shares = Proration.split(orderDiscount, nets);
            long[] discounts = new long[n];
            long[] amounts = new long[n];
            for (int i = 0; i < n; i++) {
                discounts[i] = lines.get(i).discount() + shares[i];
                amounts[i] = nets[i] - shares[i];
            }
            return new Priced(subtotal, orderDiscount, freight, total, discounts, amounts);
        } catch (ArithmeticException e) {
            throw new Rejected(
                    HttpStatus.BAD_REQUEST, "amount_overflow", "freight", "the order's amounts are too large");
        }
    }
}
