package org.steppewatch.web.opendata;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma, a quote,
 * CR or LF, a quote inside doubled.
 * <p>
 * Guarded against CSV (formula) injection: a text field that starts with {@code = + - @}, a tab or a CR would be
 * run as a formula by a spreadsheet opening the file, so it gets a single quote in front ({@code '=1+2}), as OWASP
 * advises. Numbers are written as numbers and never get one: {@code -5} stays a negative number.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** One record of plain values (see {@link Cells#plain}). */
    void record(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object plain) {
        if (plain == null) {
            return "";
        }
        String text = Cells.text(plain);
        if (plain instanceof String) {
            text = guarded(text);
        }
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static String guarded(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
