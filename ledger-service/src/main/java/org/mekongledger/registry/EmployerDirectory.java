package org.mekongledger.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.web.contract.model.Employer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registered employers, for look-up by their Social Security Office account. */
@Component
@ProcessingGroup("directory")
class EmployerDirectory {

    private final JdbcClient jdbc;

    EmployerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmployerRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        insert into employer_view (employer_account, name, registered_at) values (?, ?, ?)
                        on conflict (employer_account) do nothing""")
                .params(event.employerAccount(), event.name(), Timestamp.from(at))
                .update();
    }

    Optional<Employer> employer(String account) {
        return jdbc.sql("select * from employer_view where employer_account = ?").param(account)
                .query((row, n) -> new Employer()
                        .employerAccount(row.getString("employer_account"))
                        .name(row.getString("name"))
                        .registeredAt(row.getTimestamp("registered_at").toInstant().atOffset(ZoneOffset.UTC)))
                .optional();
    }
}
