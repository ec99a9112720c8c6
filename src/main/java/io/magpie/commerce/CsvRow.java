package io.magpie.commerce;

import java.util.Map;
import java.util.Optional;

/**
 * One data row of a CSV file: values by lower-cased header name. Values are stripped of
 * surrounding white space, which spreadsheets leave behind.
 *
 * @param number 1-based data row number (the header is not counted)
 */
record CsvRow(long number, Map<String, String> values) {

    /** The value of a column, {@code ""} when the column is absent or blank. */
    String get(String column) {
        String v = values.get(column);
        return v == null ? "" : v.strip();
    }

    /** The value of a column, empty when the column is absent or blank. */
    Optional<String> optional(String column) {
        String v = get(column);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
