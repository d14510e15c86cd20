package org.mekongledger.settlement.bankfile;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The settlement summary treasury reads: RFC 4180 CSV, UTF-8 (the caller's writer), LF, no BOM; a
 * header, then one row per line sorted by channel, debtor account and currency, so the bytes do not
 * depend on the order the caller gathered them in. Flushes, does not close.
 */
public final class SummaryFileWriter {

    static final List<String> HEADER = List.of("channel", "debtor_account", "currency", "payments", "amount_thb",
            "paid_amount", "rate", "rate_source");

    private static final Comparator<SummaryLine> ORDER = Comparator
            .comparing(SummaryLine::channel, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SummaryLine::debtorAccount, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SummaryLine::currency, Comparator.nullsFirst(Comparator.naturalOrder()));

    private SummaryFileWriter() {
    }

    public static void write(Writer out, List<SummaryLine> lines) throws IOException {
        List<SummaryLine> sorted = new ArrayList<>(lines);
        sorted.sort(ORDER);
        Csv.record(out, HEADER);
        for (SummaryLine line : sorted) {
            Csv.record(out, Arrays.asList(line.channel(), line.debtorAccount(), line.currency(),
                    Long.toString(line.payments()), Csv.number(line.amountThb()), Csv.number(line.paidAmount()),
                    Csv.number(line.rate()), line.rateSource()));
        }
        out.flush();
    }
}
