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
        /** Reads everything, changes nothing; reads the audit trail. */
        AUDITOR,
        /** Sees and acts for the workers of one nationality only: reads, files claims, records departures and returns. */
        EMBASSY_OFFICER,
        /** Files benefit claims and cancels them. */
        CLAIMS_OFFICER,
        /** Approves or rejects benefit claims someone else filed. */
        APPROVER,
        /** The settlement batch: schedules approved claims and records what the bank reports. */
        SETTLEMENT_OPERATOR;

        static java.util.Optional<Role> named(String name) {
            for (Role role : values()) {
                if (role.name().equals(name)) {
                    return java.util.Optional.of(role);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
