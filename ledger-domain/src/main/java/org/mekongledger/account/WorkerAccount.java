package org.mekongledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.mekongledger.api.Assessment;
import org.mekongledger.api.ClaimCommands;
import org.mekongledger.api.ClaimCommands.ApproveClaim;
import org.mekongledger.api.ClaimCommands.CancelClaim;
import org.mekongledger.api.ClaimCommands.FileClaim;
import org.mekongledger.api.ClaimCommands.RecordClaimFailed;
import org.mekongledger.api.ClaimCommands.RecordClaimPaid;
import org.mekongledger.api.ClaimCommands.RejectClaim;
import org.mekongledger.api.ClaimCommands.ScheduleClaim;
import org.mekongledger.api.ClaimEvents.ClaimApproved;
import org.mekongledger.api.ClaimEvents.ClaimCancelled;
import org.mekongledger.api.ClaimEvents.ClaimFailed;
import org.mekongledger.api.ClaimEvents.ClaimFiled;
import org.mekongledger.api.ClaimEvents.ClaimPaid;
import org.mekongledger.api.ClaimEvents.ClaimRejected;
import org.mekongledger.api.ClaimEvents.ClaimScheduled;
import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.ClaimNoLongerPayable;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.api.SeparationOfDuties;
import org.mekongledger.api.UnknownRecord;
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
import org.mekongledger.claim.ClaimTransitions;
import org.mekongledger.claim.CountryCurrencies;
import org.mekongledger.claim.PaymentInstructionCheck;
import org.mekongledger.claim.PayeeChecks;
import org.mekongledger.claim.PayeeNameMatch;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.vocabulary.LifeEventType;

/**
 * A migrant worker's event-sourced account: who they are (documents), every contribution recorded
 * for them, their life events and their benefit claims. Its event stream is the worker's history;
 * claims live here so that the rules spanning them (a lump sum once per scheme) hold in one place.
 */
public class WorkerAccount {

    /** The longest reason a rejection or cancellation records. */
    static final int MAX_REASON = 500;

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
    private String givenName;
    private String familyName;
    private final List<LifeEventRecorded> lifeEvents = new ArrayList<>();
    /** In filing order, so that a scheme's claims read as they happened. */
    private final Map<String, AccountClaim> claims = new LinkedHashMap<>();

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
        List<Violation> violations = lifeEventViolations(command.type(), command.date(), command.country(), "");
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        refuseIfDeceased();
        apply(new LifeEventRecorded(workerId, command.type(), command.date(), command.country()));
    }

    private List<Violation> lifeEventViolations(LifeEventType type, LocalDate date, String country, String prefix) {
        List<Violation> violations = new ArrayList<>();
        if (type == null) {
            violations.add(new Violation(prefix + "type", "the kind of life event is required"));
        }
        if (date == null) {
            violations.add(new Violation(prefix + "date", "the date of the event is required"));
        } else if (date.isBefore(dateOfBirth)) {
            violations.add(new Violation(prefix + "date", "the event is dated before the worker's birth"));
        }
        if (type == LifeEventType.PERMANENT_DEPARTURE && country == null) {
            violations.add(new Violation(prefix + "country", "a permanent departure names the destination country"));
        } else if (country != null && !CountryCurrencies.isCountry(country)) {
            // the API's contract checks the form; the console and any other caller meet the same rule here
            violations.add(new Violation(prefix + "country", "an ISO 3166-1 alpha-3 country code is required, e.g. MMR"));
        }
        return violations;
    }

    private void refuseIfDeceased() {
        if (diedOn != null) {
            throw new ConflictWithRecord("Worker " + workerId + " is recorded as deceased on " + diedOn);
        }
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

    // ---- benefit claims -------------------------------------------------------------------------

    /**
     * Files a claim at the amount the engine assessed. Records the life event it rests on first if
     * the account does not hold it yet, so the claim and its ground are one change.
     */
    @CommandHandler
    public void handle(FileClaim command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String filer = requireActor(actor);
        if (command.claimId() == null || command.claimId().isBlank()) {
            throw new RequestRefused("claimId", "a claim id is required");
        }
        if (claims.containsKey(command.claimId())) {
            throw new ConflictWithRecord("Claim " + command.claimId() + " is already filed for worker " + workerId);
        }
        List<Violation> violations = new ArrayList<>();
        required(violations, "scheme", command.scheme());
        required(violations, "benefit", command.benefit());
        if (command.asOf() == null) {
            violations.add(new Violation("asOf", "the date the benefit is claimed as of is required"));
        }
        ClaimGround ground = command.ground();
        boolean newGround = ground != null && !holds(ground);
        if (newGround) {
            violations.addAll(lifeEventViolations(ground.type(), ground.date(), ground.country(), "ground."));
        }
        payabilityProblem(command.assessment())
                .ifPresent(reason -> violations.add(new Violation("benefit", reason)));
        violations.addAll(PayeeChecks.violations(command.payee(), "payee"));
        if (!violations.isEmpty()) {
            throw new RequestRefused(violations);
        }
        if (newGround) {
            refuseIfDeceased();
        }
        claims.values().stream()
                .filter(claim -> claim.scheme().equals(command.scheme()))
                .filter(claim -> claim.status() == ClaimStatus.PAID || ClaimTransitions.open(claim.status()))
                .findFirst()
                .ifPresent(claim -> {
                    throw new ConflictWithRecord("Worker " + workerId + " already has claim " + claim.claimId()
                            + " for " + command.scheme() + ", which is " + claim.status()
                            + "; a lump sum is paid once");
                });
        if (newGround) {
            apply(new LifeEventRecorded(workerId, ground.type(), ground.date(), ground.country()));
        }
        apply(new ClaimFiled(workerId, command.claimId(), command.scheme(), command.benefit(), command.asOf(),
                ground, command.payee(), nameMatches(command.payee()), command.assessment(), filer));
    }

    /**
     * Approves at the amount the engine assesses now (it may have fallen since filing, never grown
     * past the approval's own assessment), by someone other than the filer.
     */
    @CommandHandler
    public void handle(ApproveClaim command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String approver = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.APPROVED);
        requireChecker(claim, approver, "approve");
        Payee payee = claim.payee();
        if (command.newPayee() != null) {
            if (claim.status() != ClaimStatus.FAILED) {
                throw new RequestRefused("newPayee", "a new payee is given only when a failed claim is approved again");
            }
            List<Violation> violations = PayeeChecks.violations(command.newPayee(), "newPayee");
            if (!violations.isEmpty()) {
                throw new RequestRefused(violations);
            }
            payee = command.newPayee();
        }
        Assessment reassessment = command.reassessment();
        if (reassessment == null) {
            throw new RequestRefused("reassessment", "the claim is re-assessed at approval");
        }
        String reason = payabilityProblem(reassessment).orElse(null);
        if (reason != null) {
            throw new ClaimNoLongerPayable(claim.claimId(), reason);
        }
        apply(new ClaimApproved(workerId, claim.claimId(), reassessment.amount(), reassessment.currency(),
                reassessment, payee, nameMatches(payee), approver));
    }

    @CommandHandler
    public void handle(RejectClaim command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String rejecter = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.REJECTED);
        requireChecker(claim, rejecter, "reject");
        String reason = reason(command.reason());
        apply(new ClaimRejected(workerId, claim.claimId(), reason, rejecter));
    }

    /** Withdraws a claim not yet approved, or one whose payment failed; the filer may do it. */
    @CommandHandler
    public void handle(CancelClaim command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String canceller = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.CANCELLED);
        String reason = reason(command.reason());
        apply(new ClaimCancelled(workerId, claim.claimId(), reason, canceller));
    }

    /**
     * A settlement run instructed the bank to pay the approved claim. The same instruction sent again
     * (a run resumed after a crash) records nothing; the instruction must pay exactly the approval.
     */
    @CommandHandler
    public void handle(ScheduleClaim command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String operator = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        PaymentInstruction instruction = command.instruction();
        if (instruction == null) {
            throw new RequestRefused("instruction", "a scheduled claim carries its payment instruction");
        }
        if (claim.status() == ClaimStatus.SCHEDULED && PaymentInstructionCheck.same(instruction, claim.instruction())) {
            return;
        }
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.SCHEDULED);
        PaymentInstructionCheck.require(instruction, claim.amount(), claim.currency(), claim.payee());
        apply(new ClaimScheduled(workerId, claim.claimId(), instruction.settlementRun(), instruction, operator));
    }

    /** The bank settled the instruction; a report read again records nothing. */
    @CommandHandler
    public void handle(RecordClaimPaid command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String operator = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        if (claim.status() == ClaimStatus.PAID && claim.instructedAs(command.endToEndId())) {
            return;
        }
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.PAID);
        requireInstructedAs(claim, command.endToEndId());
        if (command.bankReference() == null || command.bankReference().isBlank()) {
            throw new RequestRefused("bankReference", "a payment names the bank's reference");
        }
        apply(new ClaimPaid(workerId, claim.claimId(), command.bankReference(), command.statusReport(),
                claim.instruction(), operator));
    }

    /** The bank rejected the instruction; the approval's booking is reversed and the claim may be approved again. */
    @CommandHandler
    public void handle(RecordClaimFailed command, @MetaDataValue(ClaimCommands.ACTOR) String actor) {
        String operator = requireActor(actor);
        AccountClaim claim = claim(command.claimId());
        if (claim.status() == ClaimStatus.FAILED && claim.instructedAs(command.endToEndId())
                && java.util.Objects.equals(claim.failureCode(), command.reasonCode())) {
            return;
        }
        ClaimTransitions.require(claim.claimId(), claim.status(), ClaimStatus.FAILED);
        requireInstructedAs(claim, command.endToEndId());
        if (command.reasonCode() == null || command.reasonCode().isBlank()) {
            throw new RequestRefused("reasonCode", "a failed payment names the bank's reason code");
        }
        apply(new ClaimFailed(workerId, claim.claimId(), command.reasonCode(), command.reason(), command.statusReport(),
                claim.instruction(), claim.amount(), claim.currency(), operator));
    }

    /** A bank's report speaks of one instruction: the one the claim went out under last. */
    private static void requireInstructedAs(AccountClaim claim, String endToEndId) {
        if (!claim.instructedAs(endToEndId)) {
            throw new RequestRefused("endToEndId", "claim " + claim.claimId() + " was instructed under "
                    + (claim.instruction() == null ? "no end-to-end id" : claim.instruction().endToEndId())
                    + ", not " + endToEndId);
        }
    }

    private AccountClaim claim(String claimId) {
        AccountClaim claim = claimId == null ? null : claims.get(claimId);
        if (claim == null) {
            throw new UnknownRecord("claim", claimId);
        }
        return claim;
    }

    /** Every claim step is attributable: a command without its actor is not taken. */
    private static String requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new SeparationOfDuties("A claim step needs the acting user");
        }
        return actor;
    }

    /** Maker-checker: who filed a claim never decides it. */
    private static void requireChecker(AccountClaim claim, String actor, String step) {
        if (actor.equals(claim.filedBy())) {
            throw new SeparationOfDuties("Claim " + claim.claimId() + " was filed by " + actor
                    + ", who may not " + step + " it as well");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RequestRefused("reason", "a reason is required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new RequestRefused("reason", "at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static void required(List<Violation> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, field + " is required"));
        }
    }

    /** Why the engine's answer does not let a claim go ahead, if it does not. */
    private static Optional<String> payabilityProblem(Assessment assessment) {
        if (assessment == null) {
            return Optional.of("the benefit has not been assessed");
        }
        if (!assessment.eligible() || assessment.refusal() != null) {
            return Optional.of(assessment.refusal() != null ? assessment.refusal()
                    : "the worker is not eligible for this benefit");
        }
        if (assessment.amount() == null || assessment.amount().signum() <= 0) {
            return Optional.of("the benefit is assessed at no amount");
        }
        return Optional.empty();
    }

    private boolean holds(ClaimGround ground) {
        return lifeEvents.stream().anyMatch(event -> event.type() == ground.type()
                && Objects.equals(event.date(), ground.date()));
    }

    private boolean nameMatches(Payee payee) {
        return PayeeNameMatch.matches(payee.name(), givenName, familyName);
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
    public Optional<ContributionRecorded> standingContribution(String filingId) {
        return Optional.ofNullable(standingByFiling.get(filingId));
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
        lifeEvents.add(event);
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
        givenName = event.givenName();
        familyName = event.familyName();
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

    @EventSourcingHandler
    void on(ClaimFiled event) {
        claims.put(event.claimId(), AccountClaim.filed(event.claimId(), event.scheme(), event.actor(), event.payee()));
    }

    @EventSourcingHandler
    void on(ClaimApproved event) {
        claims.computeIfPresent(event.claimId(),
                (id, claim) -> claim.approvedFor(event.payee(), event.amount(), event.currency()));
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        moveTo(event.claimId(), ClaimStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(ClaimCancelled event) {
        moveTo(event.claimId(), ClaimStatus.CANCELLED);
    }

    @EventSourcingHandler
    void on(ClaimScheduled event) {
        claims.computeIfPresent(event.claimId(), (id, claim) -> claim.scheduled(event.instruction()));
    }

    @EventSourcingHandler
    void on(ClaimPaid event) {
        moveTo(event.claimId(), ClaimStatus.PAID);
    }

    @EventSourcingHandler
    void on(ClaimFailed event) {
        claims.computeIfPresent(event.claimId(), (id, claim) -> claim.failed(event.reasonCode()));
    }

    private void moveTo(String claimId, ClaimStatus next) {
        claims.computeIfPresent(claimId, (id, claim) -> claim.moveTo(next));
    }
}
