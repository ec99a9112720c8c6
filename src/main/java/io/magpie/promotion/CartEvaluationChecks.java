package io.magpie.promotion;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Checks a cart request in one pass and reports every problem with its JSON path. */
final class CartEvaluationChecks {

    static final int MAX_LINES = 200;
    static final int MAX_CODES = 20;
    static final int MAX_QUANTITY = 10_000;
    static final long MAX_UNIT_PRICE = 10_000_000_000L;
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_SELECTION = 50;

    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern CANDIDATE = Pattern.compile("[PCT][0-9]{1,18}");

    private CartEvaluationChecks() {}

    static void check(CartEvaluationRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw ProblemException.invalidField("body", "required", "a cart is required");
        }
        if (r.lines() == null || r.lines().isEmpty()) {
            problems.add(new FieldProblem("lines", "required", "at least one line is required"));
        } else if (r.lines().size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "too_many", "at most " + MAX_LINES + " lines"));
        } else {
            var ids = new HashSet<String>();
            for (int i = 0; i < r.lines().size(); i++) {
                line(r.lines().get(i), i, ids, problems);
            }
        }
        if (r.customer() != null) {
            var c = r.customer();
            text(c.id(), "customer.id", 128, problems);
            text(c.tier(), "customer.tier", 64, problems);
            Map<String, String> attributes = c.attributes();
            if (attributes != null) {
                if (attributes.size() > MAX_ATTRIBUTES) {
                    problems.add(new FieldProblem(
                            "customer.attributes", "too_many", "at most " + MAX_ATTRIBUTES + " attributes"));
                }
                attributes.forEach((k, v) -> {
                    if (k.isBlank() || k.length() > 64) {
                        problems.add(new FieldProblem("customer.attributes", "format", "names are 1..64 characters"));
                    }
                    if (v == null || v.length() > 256) {
                        problems.add(new FieldProblem(
                                "customer.attributes." + k, "format", "a text value of at most 256 characters"));
                    }
                });
            }
        }
        if (r.couponCodes() != null) {
            if (r.couponCodes().size() > MAX_CODES) {
                problems.add(new FieldProblem("coupon_codes", "too_many", "at most " + MAX_CODES + " codes"));
            } else {
                for (int i = 0; i < r.couponCodes().size(); i++) {
                    String code = r.couponCodes().get(i);
                    if (code == null || code.isBlank() || code.length() > 64 || TextChecks.hasControl(code)) {
                        problems.add(
                                new FieldProblem("coupon_codes[" + i + "]", "format", "a code of 1..64 characters"));
                    }
                }
            }
        }
        if (r.couponIds() != null) {
            if (r.couponIds().size() > MAX_CODES) {
                problems.add(new FieldProblem("coupon_ids", "too_many", "at most " + MAX_CODES + " coupons"));
            } else if (r.couponIds().stream().anyMatch(id -> id == null || id <= 0)) {
                problems.add(new FieldProblem("coupon_ids", "format", "coupon ids are positive numbers"));
            }
        }
        if (r.selection() != null) {
            if (r.selection().size() > MAX_SELECTION) {
                problems.add(new FieldProblem("selection", "too_many", "at most " + MAX_SELECTION + " candidates"));
            } else {
                for (int i = 0; i < r.selection().size(); i++) {
                    String id = r.selection().get(i);
                    if (id == null || !CANDIDATE.matcher(id).matches()) {
                        problems.add(new FieldProblem(
                                "selection[" + i + "]", "format", "a candidate id such as P12 or C34"));
                    }
                }
            }
        }
        channel(r.channel(), problems);
        text(r.store(), "store", 64, problems);
        if (r.freight() != null && (r.freight() < 0 || r.freight() > MAX_UNIT_PRICE)) {
            problems.add(new FieldProblem("freight", "out_of_range", "must be within 0.." + MAX_UNIT_PRICE));
        }
        if (!problems.isEmpty()) {
            throw failed(problems);
        }
    }

    private static void line(
            CartEvaluationRequest.Line l, int index, HashSet<String> ids, List<FieldProblem> problems) {
        if (l != null
                && isId(l.lineId())
                && isSku(l.sku())
                && l.quantity() != null
                && l.quantity() >= 1
                && l.quantity() <= MAX_QUANTITY
                && l.unitPrice() != null
                && l.unitPrice() >= 0
                && l.unitPrice() <= MAX_UNIT_PRICE
                && (l.floorUnitPrice() == null || (l.floorUnitPrice() >= 0 && l.floorUnitPrice() <= MAX_UNIT_PRICE))
                && ids.add(l.lineId())) {
            return; // the common case: a good line, no path built
        }
        String at = "lines[" + index + "]";
        if (l == null) {
            problems.add(new FieldProblem(at, "required", "a line is required"));
            return;
        }
        if (!isId(l.lineId())) {
            problems.add(new FieldProblem(at + ".line_id", "format", "must match [A-Za-z0-9._:-]{1,64}"));
        } else if (!ids.add(l.lineId())) {
            problems.add(new FieldProblem(at + ".line_id", "duplicate", "line ids must be unique"));
        }
        if (!isSku(l.sku())) {
            problems.add(new FieldProblem(at + ".sku", "required", "a SKU code of 1..64 characters"));
        }
        if (l.quantity() == null) {
            problems.add(new FieldProblem(at + ".quantity", "required", "quantity is required"));
        } else if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
            problems.add(new FieldProblem(at + ".quantity", "out_of_range", "must be within 1.." + MAX_QUANTITY));
        }
        if (l.unitPrice() == null) {
            problems.add(new FieldProblem(at + ".unit_price", "required", "unit_price is required"));
        } else if (l.unitPrice() < 0 || l.unitPrice() > MAX_UNIT_PRICE) {
            problems.add(new FieldProblem(at + ".unit_price", "out_of_range", "must be within 0.." + MAX_UNIT_PRICE));
        }
        if (l.floorUnitPrice() != null && (l.floorUnitPrice() < 0 || l.floorUnitPrice() > MAX_UNIT_PRICE)) {
            problems.add(
                    new FieldProblem(at + ".floor_unit_price", "out_of_range", "must be within 0.." + MAX_UNIT_PRICE));
        }
    }

    /** {@code [A-Za-z0-9._:-]{1,64}} without a regex (every line of every request). */
    static boolean isId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An optional text of 1..max characters without control characters. */
    static void text(String value, String field, int max, List<FieldProblem> problems) {
        if (value != null && (value.isBlank() || value.length() > max || TextChecks.hasControl(value))) {
            problems.add(new FieldProblem(field, "format", "1.." + max + " characters"));
        }
    }

    /** An optional sales channel: {@code [a-z0-9_]{1,32}}. */
    static void channel(String value, List<FieldProblem> problems) {
        if (value != null && !CHANNEL.matcher(value).matches()) {
            problems.add(new FieldProblem("channel", "format", "must match [a-z0-9_]{1,32}"));
        }
    }

    /** A SKU code: 1..64 characters without control characters. */
    static boolean isSku(String sku) {
        return sku != null && !sku.isBlank() && sku.length() <= 64 && !TextChecks.hasControl(sku);
    }

    static ProblemException failed(List<FieldProblem> problems) {
        String detail = problems.stream()
                        .limit(5)
                        .map(p -> p.field() + ": " + p.message())
                        .collect(Collectors.joining("; "))
                + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "");
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", detail, problems);
    }
}
