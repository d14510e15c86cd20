package org.mekongledger.employer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.api.RegisterEmployer;

/**
 * An employer registered with the Social Security Office under its 10-digit account. The account
 * is the aggregate identifier, so the event store itself refuses a second registration.
 */
public class Employer {

    @AggregateIdentifier
    private String employerAccount;

    protected Employer() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Employer(RegisterEmployer command) {
        apply(new EmployerRegistered(command.employerAccount(), command.name()));
    }

    @EventSourcingHandler
    void on(EmployerRegistered event) {
        employerAccount = event.employerAccount();
    }
}
