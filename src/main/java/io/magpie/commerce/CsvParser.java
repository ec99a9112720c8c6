package io.magpie.commerce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, fields in double quotes may contain commas,
 * line breaks and doubled quotes ({@code ""}); records end with CRLF, LF or CR. The input must be
 * UTF-8; a leading byte order mark is skipped. Completely empty lines are skipped (they still
 * count as records for row numbers). A quote inside an unquoted field is kept as a character, as
 * spreadsheets write it.
 */
final class CsvParser {

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long records;
    private boolean first = true;

    CsvParser(byte[] utf8) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new InputStreamReader(new ByteArrayInputStream(utf8), decoder);
    }

    /** Number of records read so far, the header included; the current record's number. */
    long records() {
        return records;
    }

    /**
     * The next record's fields, or {@code null} at the end of the input.
     *
     * @throws CsvFormatException when a quoted field never ends or the bytes are not UTF-8
     */
    List<String> next() {
        while (true) {
            int c = read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = read();
                }
            }
            if (c < 0) {
                return null;
            }
            records++;
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                skipLineFeed();
                continue;
            }
            return record(c);
        }
    }

    private List<String> record(int c) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c < 0) {
                if (c == '\r') {
                    skipLineFeed();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** Reads a quoted field's content into {@code field}; returns the character after the closing quote. */
    private int quoted(StringBuilder field) {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new CsvFormatException(records, "a quoted field is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after >= 0 && after != ',' && after != '\n' && after != '\r') {
                        throw new CsvFormatException(
                                records,
                                "unexpected character after a closing quote; write quotes inside quotes as \"\"");
                    }
                    return after;
                }
            }
            field.append((char) c);
        }
    }

    private void skipLineFeed() {
        int c = read();
        if (c != '\n' && c >= 0) {
            position--;
        }
    }

    private int read() {
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new CsvFormatException(records, "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
            } catch (IOException e) {
                throw new CsvFormatException(records, "the file cannot be read: " + e.getMessage());
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** The input is not well-formed CSV; {@code record} counts the header as record 1. */
    static final class CsvFormatException extends IllegalArgumentException {
        private final long record;

        CsvFormatException(long record, String message) {
            super(message);
            this.record = record;
        }

        long record() {
            return record;
        }
    }
}
