package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTests {

    private static List<List<String>> parse(String csv) {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> parse(byte[] csv) {
        CsvParser parser = new CsvParser(csv);
        List<List<String>> records = new ArrayList<>();
        List<String> r;
        while ((r = parser.next()) != null) {
            records.add(r);
        }
        return records;
    }

    @Test
    void readsPlainRecordsWithLfCrlfAndCr() {
        assertThat(parse("a,b\n1,2\r\n3,4\r5,6"))
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        assertThat(parse("name,note\r\n\"Tea, green\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"\"\r\n"))
                .containsExactly(
                        List.of("name", "note"), List.of("Tea, green", "say \"hi\""), List.of("two\r\nlines", ""));
    }

    @Test
    void emptyFieldsAndTrailingCommasCount() {
        assertThat(parse("a,b,c\n,,\n1,,3\n"))
                .containsExactly(List.of("a", "b", "c"), List.of("", "", ""), List.of("1", "", "3"));
    }

    @Test
    void skipsTheByteOrderMarkAndEmptyLinesButCountsThem() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "sku,price\n\nA,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);

        CsvParser parser = new CsvParser(csv);
        assertThat(parser.next()).containsExactly("sku", "price");
        assertThat(parser.next()).containsExactly("A", "1");
        assertThat(parser.records()).isEqualTo(3);
        assertThat(parser.next()).isNull();
    }

    @Test
    void keepsUnicodeAndStrayQuotesInUnquotedFields() {
        assertThat(parse("名称,备注\n绿茶 250g,5\"2 寸\n")).containsExactly(List.of("名称", "备注"), List.of("绿茶 250g", "5\"2 寸"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorWithItsRecordNumber() {
        CsvParser parser = new CsvParser("a,b\n1,2\n\"open,3\n4,5\n".getBytes(StandardCharsets.UTF_8));
        parser.next();
        parser.next();
        assertThatThrownBy(parser::next)
                .isInstanceOf(CsvParser.CsvFormatException.class)
                .hasMessageContaining("never closed")
                .satisfies(e ->
                        assertThat(((CsvParser.CsvFormatException) e).record()).isEqualTo(3));
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> parse("a\n\"x\"y\n")).isInstanceOf(CsvParser.CsvFormatException.class);
    }

    @Test
    void bytesThatAreNotUtf8AreAnError() {
        byte[] gbk = {'a', '\n', (byte) 0xC2, (byte) 0xCC, (byte) 0xB2, (byte) 0xE8, '\n'};
        assertThatThrownBy(() -> parse(gbk))
                .isInstanceOf(CsvParser.CsvFormatException.class)
                .hasMessageContaining("UTF-8");
    }
}
