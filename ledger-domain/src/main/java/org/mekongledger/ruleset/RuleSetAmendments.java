package org.mekongledger.ruleset;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RuleSetVersionAdded;

/**
 * The versions administrators added to one rule set, in order. Shipped versions are data in the
 * code base; these are the amendments, each an event nobody edits afterwards. One stream per rule
 * set serialises concurrent amendments.
 */
public class RuleSetAmendments {

    @AggregateIdentifier
    private String ruleSetId;
    /** The versions this stream added; the shipped ones (and any stored elsewhere) are in the catalogue. */
    private VersionHistory added;

    protected RuleSetAmendments() {
        // for Axon
    }

    /**
     * @param inForce the catalogue in force as the amendment is decided: every version shipped or
     *                committed by any replica, which the service guarantees by holding the rule-set
     *                revision until this amendment commits
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddRuleSetVersion command, RuleSetCatalogue inForce) {
        inForce.admit(command);
        history(command.ruleSetId()).requireRoomFor(command.version(), command.effectiveFrom());
        apply(new RuleSetVersionAdded(command.ruleSetId(), command.version(), command.effectiveFrom(),
                command.parameters(), null, command.basis()));
    }

    @EventSourcingHandler
    void on(RuleSetVersionAdded event) {
        ruleSetId = event.ruleSetId();
        added = history(event.ruleSetId()).and(event.version(), event.effectiveFrom());
    }

    private VersionHistory history(String id) {
        return added == null ? VersionHistory.empty(id) : added;
    }
}
