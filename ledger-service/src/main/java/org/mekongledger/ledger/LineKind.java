package org.mekongledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One kind of filing line as the journal keeps it: its name in ledger_entry.line_kind, the events
 * that book it (recorded and reversed, for the reconciliation), its own columns, how a row of it
 * reads back, and how a worker's balances of its schemes are read.
 */
record LineKind(String name, Class<?> recorded, Class<?> reversed, List<String> columns, RowReader reader,
                Balances balances) {

    LineKind {
        columns = List.copyOf(columns);
    }

    @FunctionalInterface
    interface Balances {
        List<LedgerQueries.SchemeBalance> of(JdbcClient jdbc, String workerId);
    }

    @FunctionalInterface
    interface RowReader {
        JournalLine read(ResultSet row) throws SQLException;
    }
}
