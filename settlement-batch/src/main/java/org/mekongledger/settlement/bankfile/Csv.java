package org.mekongledger.settlement.bankfile;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, a field quoted when it holds a comma, a double quote,
 * CR or LF (quotes inside doubled), records ended by LF (the batch's files are LF throughout; RFC 4180
 * readers accept it). Values are written as given: no trimming, no spreadsheet "formula" escaping,
 * since the partner reads these files by program and a changed name would not match the payee.
 */
final class Csv {

    private Csv() {
    }

    static void record(Writer out, List<String> fields) throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        line.append('\n');
        out.write(line.toString());
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
