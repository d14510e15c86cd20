package org.mekongledger.axon;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure caused by the database being out of reach (restarting, network cut, connections
 * terminated), however deeply Spring, Hikari or Axon wrapped it: such a request is worth retrying later,
 * it is not a defect of the service.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException is one
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
                    || cause instanceof java.net.ConnectException
                    || cause instanceof SQLException sql && (unreachable(sql.getSQLState()) || closedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's stand-in for a connection it found broken earlier in the same transaction says only this,
     * without an SQLState; the break itself (class 08) was logged by Hikari when it happened.
     */
    private static boolean closedByPool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** Class 08 (connection exception); 57P01-57P03: terminated by an administrator, shutting down, starting up. */
    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
