package org.mekongledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of line the journal books: the one list a new kind joins. */
final class LineKinds {

    static final List<LineKind> ALL = List.of(WageEntry.KIND, FeeEntry.KIND, BenefitEntry.KIND);

    private static final Map<String, LineKind> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(LineKind::name, Function.identity()));

    private LineKinds() {
    }

    /** A ledger_entry row's own part, read as its line_kind says. */
    static JournalLine read(ResultSet row) throws SQLException {
        String name = row.getString("line_kind");
        LineKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw new IllegalStateException("the journal holds an entry of unknown line kind " + name);
        }
        return kind.reader().read(row);
    }
}
