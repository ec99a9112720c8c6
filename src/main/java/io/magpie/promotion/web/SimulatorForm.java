package io.magpie.promotion.web;

import io.magpie.promotion.CartEvaluationRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator typed into the simulator: lines (prices in yuan, as operators read them), the
 * customer, codes, channel, store and freight. Turns into a cart request, collecting what it cannot read.
 */
record SimulatorForm(
        List<Line> lines,
        String customerId,
        String tier,
        String attributes,
        String codes,
        String channel,
        String store,
        String freight) {

    /** One line as shown: {@code price} is the unit price in yuan, e.g. {@code 129.00}. */
    record Line(String sku, String name, String quantity, String price) {}

    static SimulatorForm empty() {
        return new SimulatorForm(List.of(), null, null, null, null, null, null, null);
    }

    /** The cart request, or null after adding what could not be read to {@code problems}. */
    CartEvaluationRequest request(Instant at, List<String> problems) {
        List<CartEvaluationRequest.Line> cart = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Long quantity = number(l.quantity());
            Long price = fen(l.price());
            if (quantity == null || price == null) {
                problems.add(l.sku());
                continue;
            }
            cart.add(new CartEvaluationRequest.Line(String.valueOf(i + 1), l.sku(), quantity, price, null, false));
        }
        Long freightFen = blank(freight) ? Long.valueOf(0) : fen(freight);
        if (freightFen == null) {
            problems.add("freight");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        if (!blank(attributes)) {
            for (String row : attributes.split("\\R")) {
                int eq = row.indexOf('=');
                if (eq > 0) {
                    attrs.put(
                            row.substring(0, eq).strip(), row.substring(eq + 1).strip());
                }
            }
        }
        List<String> typed = blank(codes)
                ? List.of()
                : Arrays.stream(codes.split("[,\\s]+"))
                        .filter(c -> !c.isBlank())
                        .toList();
        CartEvaluationRequest.Customer customer = blank(customerId) && blank(tier) && attrs.isEmpty()
                ? null
                : new CartEvaluationRequest.Customer(trim(customerId), trim(tier), attrs);
        return new CartEvaluationRequest(cart, customer, typed, null, null, trim(channel), trim(store), freightFen, at);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static Long number(String s) {
        try {
            return blank(s) ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "129.9" → 12990; null when it is not an amount with at most two decimals. */
    static Long fen(String s) {
        try {
            BigDecimal yuan = new BigDecimal(s.strip());
            return yuan.scale() > 2 || yuan.signum() < 0
                    ? null
                    : yuan.movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
