package org.mekongledger.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A projection's statement that fails in PostgreSQL aborts the whole transaction, and with it the
 * dead-letter queue's record of the failure and every other event of the batch. Run inside a
 * savepoint, the failure undoes only that statement: the event is dead-lettered and the batch goes on.
 */
public final class Savepoints {

    private Savepoints() {
    }

    public static void run(DataSource dataSource, Runnable statement) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                statement.run();
                return;
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                statement.run();
            } catch (RuntimeException failed) {
                connection.rollback(savepoint);
                throw failed;
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("savepoint failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
