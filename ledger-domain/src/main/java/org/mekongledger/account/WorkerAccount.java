package org.mekongledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.api.DocumentLinked;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.IdentityDocument.DocumentKey;
import org.mekongledger.api.LinkDocument;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.contribution.PersonMonthContribution;

/**
 * A migrant worker's event-sourced account: who they are (documents), and every contribution
 * recorded for them. Its event stream is the worker's contribution history.
 */
public class WorkerAccount {

    @AggregateIdentifier
    private String workerId;
    private final Set<DocumentKey> documents = new HashSet<>();
    /** Contributions still standing, by filing: a reversal compensates exactly what was recorded. */
    private final Map<String, ContributionRecorded> standingByFiling = new HashMap<>();

    protected WorkerAccount() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public WorkerAccount(RegisterWorker command, DocumentRegister register) {
        List<Violation> violations = new ArrayList<>();
        if (command.documents().isEmpty()) {
            violations.add(new Violation("documents", "at least one identity document is required"));
        }
        Set<DocumentKey> seen = new HashSet<>();
        for (int i = 0; i < command.documents().size(); i++) {
            if (!seen.add(command.documents().get(i).key())) {
                violations.add(new Violation("documents[" + i + "]", "the same document is listed twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        command.documents().forEach(document -> claim(register, document, command.workerId()));
        apply(new WorkerRegistered(command.workerId(), command.givenName(), command.familyName(),
                command.dateOfBirth(), command.sex(), command.nationality(), command.documents(),
                command.contacts()));
    }

    @CommandHandler
    public void handle(LinkDocument command, DocumentRegister register) {
        if (documents.contains(command.document().key())) {
            throw new ConflictWithRecord("Document " + command.document().key() + " is already linked to this worker");
        }
        claim(register, command.document(), workerId);
        apply(new DocumentLinked(workerId, command.document()));
    }

    /** Records one person-month of a filing the filing intake has already validated as a whole. */
    public void recordContribution(String filingId, String employerAccount, PersonMonthContribution month) {
        if (standingByFiling.containsKey(filingId)) {
            throw new ConflictWithRecord("Worker " + workerId + " already has a contribution in filing " + filingId);
        }
        apply(new ContributionRecorded(workerId, filingId, month.ruleSetId(), employerAccount, month.period(),
                month.ruleSetVersion(), month.currency().getCurrencyCode(), month.wage(), month.insurableWage(),
                month.shares()));
    }

    public void reverseContribution(String filingId, String reason) {
        ContributionRecorded original = standingByFiling.get(filingId);
        if (original == null) {
            throw new ConflictWithRecord("Worker " + workerId + " has no standing contribution in filing " + filingId);
        }
        apply(new ContributionReversed(workerId, filingId, original.scheme(), original.employerAccount(),
                original.period(), original.currency(), original.wage(), original.insurableWage(),
                original.shares(), reason));
    }

    public boolean hasStandingContribution(String filingId) {
        return standingByFiling.containsKey(filingId);
    }

    private static void claim(DocumentRegister register, IdentityDocument document, String workerId) {
        register.claim(document.key(), workerId).ifPresent(holder -> {
            throw new ConflictWithRecord("Document " + document.key() + " is already linked to another worker");
        });
    }

    @EventSourcingHandler
    void on(WorkerRegistered event) {
        workerId = event.workerId();
        event.documents().forEach(document -> documents.add(document.key()));
    }

    @EventSourcingHandler
    void on(DocumentLinked event) {
        documents.add(event.document().key());
    }

    @EventSourcingHandler
    void on(ContributionRecorded event) {
        standingByFiling.put(event.filingId(), event);
    }

    @EventSourcingHandler
    void on(ContributionReversed event) {
        standingByFiling.remove(event.filingId());
    }
}
