package org.mekongledger.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One settlement at a time: a PostgreSQL session advisory lock held on a connection of its own for
 * the whole command. Taken by {@code settle} and {@code import-status}; a second one refuses at once.
 * The database frees it when the holder's session ends, so a killed process never leaves it taken.
 */
public final class SettlementLock implements AutoCloseable {

    /** "MKLSETTL" as a number: the lock's key, shared by every batch on the database. */
    static final long KEY = 0x4D4B4C534554544CL;

    private final Connection connection;

    private SettlementLock(Connection connection) {
        this.connection = connection;
    }

    public static SettlementLock take(DataSource dataSource, String what) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new Refusal("another settlement run or status import is in progress on this database;"
                                + " " + what + " did nothing (try again when it has finished)");
                    }
                }
            }
            return new SettlementLock(connection);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not take the settlement lock: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void close() {
        try (Connection held = connection; PreparedStatement statement = held.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException ignored) {
            // the session ends with the connection; the database frees the lock then
        }
    }
}
