package org.mekongledger.rulesets;

import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mekongledger.axon.LedgerCommands;
import org.mekongledger.axon.AfterCommit;
import org.mekongledger.api.RuleSetVersionAdded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps added versions where start-up can read them, in the amendment's own transaction (a
 * subscribing processor), and hands them to the library only once that transaction committed (the
 * request's own, when the amendment ran inside a keyed request).
 */
@Component
@ProcessingGroup(RuleSetVersionJournal.PROCESSING_GROUP)
class RuleSetVersionJournal {

    static final String PROCESSING_GROUP = "rulesets";
    private final JdbcClient jdbc;
    private final RuleLibrary library;

    RuleSetVersionJournal(JdbcClient jdbc, RuleLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    @EventHandler
    void on(RuleSetVersionAdded event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(LedgerCommands.ACTOR) String actor) {
        jdbc.sql("""
                        insert into rule_set_version (rule_set_id, version, effective_from, parameters, source, added_at, added_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.ruleSetId(), event.version(), event.effectiveFrom(), event.parameters(), event.source(),
                        Timestamp.from(at), actor)
                .update();
        Runnable publish = () -> library.added(event.ruleSetId(), event.version(), event.effectiveFrom(),
                event.parameters(), event.source());
        AfterCommit.run(publish);
    }
}
