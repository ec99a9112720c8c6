package io.magpie.tenant.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The readable difference between an audit entry's before and after states: one line per field. */
final class AuditDiff {

    enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** One field that differs; {@code before}/{@code after} are null when absent on that side. */
    record Change(String field, String before, String after, Kind kind) {}

    private static final List<String> NAMES = List.of("name", "username");
    private static final Comparator<String> FIELD_ORDER = Comparator.<String>comparingInt(
                    f -> NAMES.contains(f) ? NAMES.indexOf(f) : NAMES.size())
            .thenComparing(Comparator.naturalOrder());

    private AuditDiff() {}

    static List<Change> of(JsonNode before, JsonNode after) {
        JsonNode b = present(before) ? before : null;
        JsonNode a = present(after) ? after : null;
        if (b == null && a == null) {
            return List.of();
        }
        if ((b != null && !b.isObject()) || (a != null && !a.isObject())) {
            return b != null && a != null && b.equals(a) ? List.of() : List.of(change("", b, a));
        }
        // jsonb keeps no key order: names first, the rest alphabetically, the same on every page
        Set<String> fields = new TreeSet<>(FIELD_ORDER);
        if (b != null) {
            fields.addAll(b.propertyNames());
        }
        if (a != null) {
            fields.addAll(a.propertyNames());
        }
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = b == null ? null : b.get(field);
            JsonNode is = a == null ? null : a.get(field);
            if (!present(was) && !present(is) || present(was) && was.equals(is)) {
                continue;
            }
            changes.add(change(field, present(was) ? was : null, present(is) ? is : null));
        }
        return changes;
    }

    private static Change change(String field, JsonNode was, JsonNode is) {
        Kind kind = was == null ? Kind.ADDED : is == null ? Kind.REMOVED : Kind.CHANGED;
        return new Change(field, text(was), text(is), kind);
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    static String text(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isString()) {
            return n.asString();
        }
        if (n.isArray() && n.values().stream().allMatch(JsonNode::isValueNode)) {
            return n.values().stream().map(AuditDiff::text).collect(Collectors.joining(", "));
        }
        return n.toString();
    }
}
