package org.mekongledger.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One kind of line as the journal keeps it: its name in ledger_entry.line_kind, the events that
 * book it and the kind of entry each books (for the reconciliation), its own columns, how a row of
 * it reads back, and how a worker's balances of its schemes are read.
 */
record LineKind(String name, List<Journalled> journalled, List<String> columns, RowReader reader,
                Balances balances) {

    LineKind {
        journalled = List.copyOf(journalled);
        columns = List.copyOf(columns);
    }

    /** An event type that books one entry of this kind of line, and the kind of that entry. */
    record Journalled(Class<?> event, EntryKind kind) {
    }

    /** The event type that books entries of this kind; each kind of entry has one. */
    Class<?> eventOf(EntryKind kind) {
        return journalled.stream().filter(candidate -> candidate.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " entries of line kind " + name))
                .event();
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
