package org.mekongledger.rulelibrary;

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
 * Keeps added versions where every replica can read them and bumps the rule-set revision, in the
 * amendment's own transaction (a subscribing processor). Once it committed this replica reloads at
 * once; correctness does not depend on that: every filing compares the revision row first.
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
                        insert into rule_set_version (rule_set_id, version, effective_from, parameters, source, basis,
                                                      added_at, added_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.ruleSetId(), event.version(), event.effectiveFrom(), event.parameters(), event.source(),
                        event.basis() == null ? null : org.mekongledger.ruleset.LegalBasisFormat.toJson(event.basis()),
                        Timestamp.from(at), actor)
                .update();
        // every replica's next filing (and this one's check) sees the bump and reloads; the row was
        // locked FOR UPDATE by the amendment's check, so bumps are serialised
        jdbc.sql("update rule_set_revision set revision = revision + 1").update();
        // this replica reloads once the request's transaction has committed, never before
        AfterCommit.run(library::refreshIfBehind);
    }
}
