package org.mekongledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.mekongledger.api.CreditInsurancePeriod;
import org.mekongledger.api.InsurancePeriodCredited;
import org.mekongledger.api.LifeEventRecorded;
import org.mekongledger.api.RecordLifeEvent;
import org.mekongledger.api.DocumentLinked;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.IdentityDocument.DocumentKey;
import org.mekongledger.api.LinkDocument;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.api.WelfareFeeReversed;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.vocabulary.LifeEventType;

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
    /** Welfare-fund fees still standing, by filing: a filing may carry a worker's and an agency's fee. */
    private final Map<String, List<WelfareFeeRecorded>> standingFeesByFiling = new HashMap<>();
    private LocalDate dateOfBirth;
    private LocalDate diedOn;
    private final List<InsurancePeriodCredited> foreignPeriods = new ArrayList<>();

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

    @CommandHandler
    public void handle(RecordLifeEvent command) {
        List<Violation> violations = new ArrayList<>();
        if (command.date().isBefore(dateOfBirth)) {
            violations.add(new Violation("date", "the event is dated before the worker's birth"));
        }
        if (command.type() == LifeEventType.PERMANENT_DEPARTURE && command.country() == null) {
            violations.add(new Violation("country", "a permanent departure names the destination country"));
        }
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        if (diedOn != null) {
            throw new ConflictWithRecord("Worker " + workerId + " is recorded as deceased on " + diedOn);
        }
        apply(new LifeEventRecorded(workerId, command.type(), command.date(), command.country()));
    }

    @CommandHandler
    public void handle(CreditInsurancePeriod command) {
        if (command.to().isBefore(command.from())) {
            throw new RequestRefused("to", "the period ends before it starts");
        }
        for (InsurancePeriodCredited credited : foreignPeriods) {
            boolean overlaps = credited.scheme().equals(command.scheme())
                    && !command.to().isBefore(credited.from()) && !credited.to().isBefore(command.from());
            if (overlaps) {
                throw new ConflictWithRecord(command.scheme() + " already credits " + credited.from() + ".."
                        + credited.to() + ", which overlaps " + command.from() + ".." + command.to());
            }
        }
        apply(new InsurancePeriodCredited(workerId, command.scheme(), command.from(), command.to(), command.source()));
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

    /** Records a fee the filing intake validated; one per payer and filing. */
    public void recordFee(String filingId, String employerAccount, String scheme, YearMonth period,
                          String ruleSetVersion, String currency, FeePayer payer, BigDecimal amount) {
        boolean alreadyPaid = standingFeesByFiling.getOrDefault(filingId, List.of()).stream()
                .anyMatch(fee -> fee.payer() == payer);
        if (alreadyPaid) {
            throw new ConflictWithRecord("Worker " + workerId + " already has a " + payer + " fee in filing " + filingId);
        }
        apply(new WelfareFeeRecorded(workerId, filingId, scheme, employerAccount, period, ruleSetVersion, currency,
                payer, amount));
    }

    /** Compensates whatever the filing recorded on this account: a contribution, or its fees. */
    public void reverseContribution(String filingId, String reason) {
        ContributionRecorded original = standingByFiling.get(filingId);
        List<WelfareFeeRecorded> fees = standingFeesByFiling.getOrDefault(filingId, List.of());
        if (original == null && fees.isEmpty()) {
            throw new ConflictWithRecord("Worker " + workerId + " has no standing contribution in filing " + filingId);
        }
        if (original != null) {
            apply(new ContributionReversed(workerId, filingId, original.scheme(), original.employerAccount(),
                    original.period(), original.currency(), original.wage(), original.insurableWage(),
                    original.shares(), reason));
        }
        for (WelfareFeeRecorded fee : List.copyOf(fees)) {
            apply(new WelfareFeeReversed(workerId, filingId, fee.scheme(), fee.employerAccount(), fee.period(),
                    fee.currency(), fee.payer(), fee.amount(), reason));
        }
    }

    /** What a filing recorded on this account and still stands: its contribution, if any. */
    public java.util.Optional<ContributionRecorded> standingContribution(String filingId) {
        return java.util.Optional.ofNullable(standingByFiling.get(filingId));
    }

    /** What a filing recorded on this account and still stands: its fees, if any. */
    public List<WelfareFeeRecorded> standingFees(String filingId) {
        return List.copyOf(standingFeesByFiling.getOrDefault(filingId, List.of()));
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
    void on(LifeEventRecorded event) {
        if (event.type() == LifeEventType.DEATH) {
            diedOn = event.date();
        }
    }

    @EventSourcingHandler
    void on(InsurancePeriodCredited event) {
        foreignPeriods.add(event);
    }

    @EventSourcingHandler
    void on(WorkerRegistered event) {
        workerId = event.workerId();
        dateOfBirth = event.dateOfBirth();
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

    @EventSourcingHandler
    void on(WelfareFeeRecorded event) {
        standingFeesByFiling.computeIfAbsent(event.filingId(), id -> new ArrayList<>()).add(event);
    }

    @EventSourcingHandler
    void on(WelfareFeeReversed event) {
        standingFeesByFiling.remove(event.filingId());
    }
}
