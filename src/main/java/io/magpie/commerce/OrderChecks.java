package io.magpie.commerce;

import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Syntax checks of order and refund requests, one pass that collects every problem with its JSON
 * path ({@code orders[3].lines[0].quantity}). Hand-written rather than Bean Validation because the
 * bulk intake checks up to 200,000 lines per request and must name each one.
 */
final class OrderChecks {

    static final int MAX_LINES = 200;
    static final int MAX_BULK_ORDERS = 1000;
    static final int MAX_QUANTITY = 10_000;
    static final long MAX_UNIT_PRICE = 10_000_000_000L;
    static final int MAX_REASON = 500;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Enough to fix a request; a 200,000-line bulk full of errors need not echo all of them. */
    static final int MAX_REPORTED = 500;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private OrderChecks() {}

    /** The draft, or null after adding the problems to {@code problems}. */
    static OrderDraft order(OrderCommand c, String at, Instant now, List<FieldProblem> problems) {
        int before = problems.size();
        if (c == null) {
            problems.add(new FieldProblem(at.isEmpty() ? "body" : at, "required", "an order is required"));
            return null;
        }
        String p = at.isEmpty() ? "" : at + ".";
        id(c.orderId(), p + "order_id", problems);
        optionalText(c.customerId(), p + "customer_id", 128, problems);
        optionalText(c.store(), p + "store", 64, problems);
        if (c.channel() != null && !CHANNEL.matcher(c.channel()).matches()) {
            problems.add(new FieldProblem(p + "channel", "format", "must match [a-z0-9_]{1,32}"));
        }
        if (c.currency() != null && !CURRENCY.matcher(c.currency()).matches()) {
            problems.add(new FieldProblem(p + "currency", "format", "must be an ISO 4217 code such as CNY"));
        }
        Instant orderedAt = instant(c.orderedAt(), p + "ordered_at", now, problems);
        nonNegative(c.discount(), p + "discount", problems);
        nonNegative(c.freight(), p + "freight", problems);
        List<OrderDraft.Line> lines = lines(c.lines(), p + "lines", problems);
        List<AppliedPromotion> promotions = OrderPromotionChecks.syntax(c.promotions(), p + "promotions", problems);
        if (problems.size() > before) {
            return null;
        }
        return new OrderDraft(
                c.orderId(),
                c.customerId(),
                c.store(),
                c.channel() == null ? "online" : c.channel(),
                c.currency(),
                orderedAt,
                c.discount() == null ? 0 : c.discount(),
                c.freight() == null ? 0 : c.freight(),
                lines,
                promotions);
    }

    private static List<OrderDraft.Line> lines(List<OrderLineCommand> lines, String at, List<FieldProblem> problems) {
        if (lines == null || lines.isEmpty()) {
            problems.add(new FieldProblem(at, "required", "an order needs 1 to " + MAX_LINES + " lines"));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            problems.add(new FieldProblem(at, "size", "an order has at most " + MAX_LINES + " lines"));
            return List.of();
        }
        List<OrderDraft.Line> drafts = new ArrayList<>(lines.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLineCommand l = lines.get(i);
            String p = at + "[" + i + "]";
            if (l == null) {
                problems.add(new FieldProblem(p, "required", "a line must be an object"));
                continue;
            }
            int before = problems.size();
            if (id(l.lineId(), p + ".line_id", problems) && !seen.add(l.lineId())) {
                problems.add(new FieldProblem(
                        p + ".line_id", "duplicate_line_id", "line_id '" + l.lineId() + "' appears twice"));
            }
            requiredText(l.sku(), p + ".sku", 64, problems);
            range(l.quantity(), 1, MAX_QUANTITY, p + ".quantity", problems);
            range(l.unitPrice(), 0, MAX_UNIT_PRICE, p + ".unit_price", problems);
            nonNegative(l.discount(), p + ".discount", problems);
            if (problems.size() == before) {
                drafts.add(new OrderDraft.Line(
                        l.lineId(),
                        l.sku(),
                        l.quantity().intValue(),
                        l.unitPrice(),
                        l.discount() == null ? 0 : l.discount()));
            }
        }
        return drafts;
    }

    /** An optional ISO-8601 instant no more than five minutes ahead of now; null when absent or invalid. */
    static Instant instant(String value, String field, Instant now, List<FieldProblem> problems) {
        Instant t = instant(value, field, problems);
        if (t != null && t.isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add(new FieldProblem(field, "in_future", "must not be more than 5 minutes in the future"));
            return null;
        }
        return t;
    }

    /** An optional ISO-8601 instant, with an offset or Z; null when absent or invalid. */
    static Instant instant(String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                t = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                problems.add(new FieldProblem(
                        field, "invalid_value", "must be an ISO-8601 instant such as 2026-11-24T08:00:00Z"));
                return null;
            }
        }
        if (t.isBefore(Instant.EPOCH) || t.isAfter(LATEST)) {
            problems.add(new FieldProblem(field, "out_of_range", "must be between 1970 and 9999"));
            return null;
        }
        // the database keeps microseconds; the answer must not differ between 201 and a later GET
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static String reason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.invalidField("reason", "size", "at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    /**
     * The 400 for collected problems. When they are all duplicate line ids the problem code says so,
     * as clients branch on it; anything else is {@code validation_failed}.
     */
    static ProblemException invalid(List<FieldProblem> problems) {
        List<FieldProblem> shown = problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
        String code = problems.stream().allMatch(f -> f.code().equals("duplicate_line_id"))
                ? "duplicate_line_id"
                : "validation_failed";
        String detail = shown.stream()
                .limit(10)
                .map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        if (problems.size() > 10) {
            detail += "; and " + (problems.size() - 10) + " more";
        }
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail, shown);
    }

    static boolean id(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isEmpty()) {
            problems.add(new FieldProblem(field, "required", "is required"));
            return false;
        }
        if (!ID.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "format", "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
            return false;
        }
        return true;
    }

    static void requiredText(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required", "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "size", "at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "format", "must not contain control characters"));
        }
    }

    static void optionalText(String value, String field, int max, List<FieldProblem> problems) {
        if (value != null) {
            requiredText(value, field, max, problems);
        }
    }

    static void nonNegative(Long value, String field, List<FieldProblem> problems) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(field, "out_of_range", "must not be negative"));
        }
    }

    static void range(Long value, long min, long max, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "required", "is required"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "out_of_range", "must be between " + min + " and " + max));
        }
    }
}
