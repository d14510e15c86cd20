package org.mekongledger.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may use the API, from configuration. Passwords are stored encoded
 * ({@code {bcrypt}...}); no profile but {@code local} has any user by default.
 */
@ConfigurationProperties(prefix = "ledger.security")
public record LedgerUsers(List<User> users) {

    public LedgerUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String password, List<Role> roles, String nationality) {
    }

    public enum Role {
        /** Registers workers and employers, records filings and corrections. */
        FUND_ADMIN,
        /** Reads everything, changes nothing. */
        AUDITOR,
        /** Reads; scoping to the officer's own nationals comes with the entitlement work. */
        EMBASSY_OFFICER
    }
}
