package org.mekongledger.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mekongledger.filing.FilingReceipt;
import org.mekongledger.web.contract.model.FilingLine;
import org.mekongledger.web.contract.model.FilingTotals;

/**
 * Renders priced filing lines of every kind, fresh from the intake or read back from the journal,
 * and the filing's totals: each kind by its {@link LineResponses}, the one list a new kind joins.
 */
final class FilingResponses {

    private static final List<LineResponses<?>> KINDS = List.of(new WageLineResponses(), new FeeLineResponses());
    /** A filing without lines shows the totals of wage lines (all zero), as it always has. */
    private static final LineResponses<?> EMPTY_FILING = KINDS.get(0);

    private FilingResponses() {
    }

    static List<FilingLine> lines(List<FilingReceipt.Line> lines, String currency) {
        return lines.stream().map(line -> render(responsesFor(line), line, currency)).toList();
    }

    /** A filing's lines are of one kind, its scheme's: their totals. */
    static FilingTotals totals(List<FilingReceipt.Line> lines, String currency) {
        Map<LineResponses<?>, List<FilingReceipt.Line>> byKind = new LinkedHashMap<>();
        lines.forEach(line -> byKind.computeIfAbsent(responsesFor(line), kind -> new ArrayList<>()).add(line));
        if (byKind.isEmpty()) {
            return totals(EMPTY_FILING, List.of(), currency);
        }
        Map.Entry<LineResponses<?>, List<FilingReceipt.Line>> kind = byKind.entrySet().iterator().next();
        return totals(kind.getKey(), kind.getValue(), currency);
    }

    private static LineResponses<?> responsesFor(FilingReceipt.Line line) {
        return KINDS.stream().filter(kind -> kind.kind().isInstance(line)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no response for filing lines of " + line.getClass()));
    }

    private static <L extends FilingReceipt.Line> FilingLine render(LineResponses<L> kind, FilingReceipt.Line line,
                                                                   String currency) {
        return kind.line(kind.kind().cast(line), currency);
    }

    private static <L extends FilingReceipt.Line> FilingTotals totals(LineResponses<L> kind,
                                                                     List<FilingReceipt.Line> lines, String currency) {
        return kind.totals(lines.stream().map(kind.kind()::cast).toList(), currency);
    }
}
