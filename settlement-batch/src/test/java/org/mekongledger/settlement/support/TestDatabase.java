package org.mekongledger.settlement.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A fresh, empty PostgreSQL database on the local server (127.0.0.1:5432, user postgres, trust). */
public final class TestDatabase {

    public static final String SERVER = System.getProperty("settlement.test.db", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("settlement.test.db.user", "postgres");

    private TestDatabase() {
    }

    /** Creates a database named after the test and returns its JDBC URL. */
    public static String fresh(Class<?> test) {
        String name = ("sb_" + test.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot create test database " + name + " on " + SERVER, failed);
        }
        return SERVER + name;
    }
}
