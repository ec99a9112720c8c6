package io.magpie.commerce;

import io.magpie.platform.Job.RowError;
import io.magpie.platform.ProblemException;
import io.magpie.platform.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Orders from CSV, one row per order line; rows of one order share {@code order_id} and agree on
 * the order's columns. Amounts are decimals in the currency ({@code 19.99}). An order with
 * {@code paid_at} is created and paid. Orders go through the same intake as the API (same checks,
 * same events); an order already stored with identical content is skipped.
 */
@Component
class OrdersCsvImport implements CsvImport<OrdersCsvImport.Row> {

    static final List<String> REQUIRED = List.of("order_id", "line_id", "sku", "quantity", "unit_price");
    static final List<String> OPTIONAL = List.of(
            "customer_id", "store", "channel", "ordered_at", "paid_at", "order_discount", "freight", "line_discount");
    private static final List<String> ORDER_COLUMNS =
            List.of("customer_id", "store", "channel", "ordered_at", "paid_at", "order_discount", "freight");
    private static final Pattern PATH = Pattern.compile("orders\\[(\\d+)](?:\\.lines\\[(\\d+)])?\\.?(.*)");

    private final TenantSettings settings;
    private final OrderIntake intake;
    private final OrderTransitions transitions;

    OrdersCsvImport(TenantSettings settings, OrderIntake intake, OrderTransitions transitions) {
        this.settings = settings;
        this.intake = intake;
        this.transitions = transitions;
    }

    /** One parsed line row with its order's columns. */
    record Row(long number, String orderId, Map<String, String> order, OrderLineCommand line) {}

    @Override
    public String kind() {
        return "orders";
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
    public Row parse(long tenantId, long n, CsvRow row, List<RowError> errors) {
        int before = errors.size();
        int digits = MinorUnits.digits(settings.currency(tenantId));
        String orderId = ProductsCsvImport.code(n, row, "order_id", true, errors);
        String lineId = ProductsCsvImport.code(n, row, "line_id", true, errors);
        String sku = ProductsCsvImport.code(n, row, "sku", true, errors);
        Long quantity = integer(n, row, "quantity", errors);
        Long unitPrice = amount(n, row, "unit_price", digits, errors);
        Long lineDiscount =
                row.optional("line_discount").isPresent() ? amount(n, row, "line_discount", digits, errors) : null;
        Map<String, String> order = new LinkedHashMap<>();
        for (String column : ORDER_COLUMNS) {
            order.put(column, row.optional(column).orElse(null));
        }
        for (String column : List.of("order_discount", "freight")) {
            if (order.get(column) != null) {
                Long minor = amount(n, row, column, digits, errors);
                order.put(column, minor == null ? null : minor.toString());
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Row(n, orderId, order, new OrderLineCommand(lineId, sku, quantity, unitPrice, lineDiscount));
    }

    @Override
    public void check(long tenantId, List<Row> rows, List<RowError> errors) {
        Map<String, Row> firstOfOrder = new LinkedHashMap<>();
        for (Row row : rows) {
            Row first = firstOfOrder.putIfAbsent(row.orderId(), row);
            if (first == null) {
                continue;
            }
            for (String column : ORDER_COLUMNS) {
                if (!Objects.equals(first.order().get(column), row.order().get(column))) {
                    errors.add(new RowError(
                            row.number(),
                            column,
                            column + " differs from row " + first.number() + " of the same order " + row.orderId()));
                }
            }
        }
    }

    @Override
    public void write(long tenantId, List<Row> rows, LongConsumer progress) {
        Map<String, List<Row>> byOrder =
                rows.stream().collect(Collectors.groupingBy(Row::orderId, LinkedHashMap::new, Collectors.toList()));
        List<List<Row>> orders = new ArrayList<>(byOrder.values());
        long written = 0;
        for (int from = 0; from < orders.size(); from += OrderChecks.MAX_BULK_ORDERS) {
            List<List<Row>> chunk = orders.subList(from, Math.min(orders.size(), from + OrderChecks.MAX_BULK_ORDERS));
            List<OrderCommand> commands =
                    chunk.stream().map(OrdersCsvImport::command).toList();
            try {
                intake.createAll(tenantId, new BulkOrdersCommand(commands));
            } catch (ProblemException e) {
                throw withRows(e, chunk);
            }
            for (List<Row> order : chunk) {
                String paidAt = order.get(0).order().get("paid_at");
                if (paidAt != null) {
                    try {
                        transitions.pay(tenantId, order.get(0).orderId(), new PayCommand(paidAt));
                    } catch (ProblemException e) {
                        throw new ProblemException(
                                e.status(), e.code(), "row " + order.get(0).number() + ": " + e.getMessage());
                    }
                }
                written += order.size();
            }
            progress.accept(written);
        }
    }

    private static OrderCommand command(List<Row> lines) {
        Map<String, String> o = lines.get(0).order();
        return new OrderCommand(
                lines.get(0).orderId(),
                o.get("customer_id"),
                o.get("store"),
                o.get("channel"),
                null,
                o.get("ordered_at"),
                o.get("order_discount") == null ? null : Long.valueOf(o.get("order_discount")),
                o.get("freight") == null ? null : Long.valueOf(o.get("freight")),
                lines.stream().map(Row::line).toList(),
                null);
    }

    /** Names the CSV rows of the intake's problems ({@code orders[3].lines[1].sku} → row 57, sku). */
    private static ProblemException withRows(ProblemException e, List<List<Row>> chunk) {
        if (e.fieldProblems().isEmpty()) {
            return e;
        }
        String detail = e.fieldProblems().stream()
                .limit(20)
                .map(p -> describe(p, chunk))
                .collect(Collectors.joining("; "));
        return new ProblemException(HttpStatus.BAD_REQUEST, e.code(), detail);
    }

    private static String describe(FieldProblem p, List<List<Row>> chunk) {
        Matcher m = PATH.matcher(p.field());
        if (!m.matches()) {
            return p.field() + ": " + p.message();
        }
        List<Row> order = chunk.get(Integer.parseInt(m.group(1)));
        Row row =
                m.group(2) == null ? order.get(0) : order.get(Math.min(order.size() - 1, Integer.parseInt(m.group(2))));
        String column = m.group(3).isEmpty() ? "order_id" : m.group(3);
        return "row " + row.number() + " (" + column + "): " + p.message();
    }

    private static Long integer(long n, CsvRow row, String column, List<RowError> errors) {
        String v = row.get(column);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.add(new RowError(n, column, column + " must be a whole number"));
            return null;
        }
    }

    private static Long amount(long n, CsvRow row, String column, int digits, List<RowError> errors) {
        try {
            return MinorUnits.parse(row.get(column), digits);
        } catch (MinorUnits.InvalidAmountException e) {
            errors.add(new RowError(n, column, column + " " + e.getMessage()));
            return null;
        }
    }
}
