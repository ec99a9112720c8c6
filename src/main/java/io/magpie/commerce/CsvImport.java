package io.magpie.commerce;

import io.magpie.platform.Job;
import java.util.List;

/**
 * One kind of CSV import (products, customers, orders …), registered as a Spring bean. {@link
 * CommerceImports} runs every kind the same way: parse and check every row, then either fail with
 * the complete error report and write nothing, or write everything in one transaction.
 */
interface CsvImport<T> {

    /** The name in {@code POST /api/v1/imports/{kind}}, e.g. {@code products}. */
    String kind();

    /** Lower-case header names that must be present. */
    List<String> requiredColumns();

    /** Lower-case header names that may be present; any other header is refused. */
    List<String> optionalColumns();

    /** Parses one data row (1-based, header excluded); adds RowErrors and returns null when invalid. */
    T parse(long tenantId, long rowNumber, CsvRow row, List<Job.RowError> errors);

    /**
     * Checks across rows after every row parsed without error: duplicates, consistency, references
     * to stored data. Adds RowErrors; nothing is written when any error was added.
     */
    default void check(long tenantId, List<T> rows, List<Job.RowError> errors) {}

    /** Writes all parsed rows inside the caller's transaction; calls progress.accept(rowsWritten) after each batch. */
    void write(long tenantId, List<T> rows, java.util.function.LongConsumer progress);
}
