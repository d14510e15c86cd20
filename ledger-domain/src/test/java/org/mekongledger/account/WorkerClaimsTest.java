package org.mekongledger.account;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mekongledger.api.Assessment;
import org.mekongledger.api.AssessmentStep;
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
import org.mekongledger.api.ClaimInWrongState;
import org.mekongledger.api.ClaimNoLongerPayable;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.LifeEventRecorded;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.SeparationOfDuties;
import org.mekongledger.api.Sex;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.vocabulary.LifeEventType;

/** A worker's benefit claims on their account: the life cycle, maker-checker, once per scheme, re-assessment. */
class WorkerClaimsTest {

    static final String SOKHA = "W-SOKHA";
    static final String CLAIM = "C-0001";
    static final String S33 = "TH_SSF_S33";
    static final String LUMP_SUM = "OLD_AGE_LUMP_SUM";
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    static final String OFFICER = "claims-officer";
    static final String APPROVER = "approver";
    static final String SETTLEMENT = "settlement";

    static final WorkerRegistered SOKHA_REGISTERED = new WorkerRegistered(SOKHA, "Sokha", "Chan",
            LocalDate.of(1990, 5, 1), Sex.F, "KHM",
            List.of(new IdentityDocument(DocumentType.PASSPORT, "N0001", "KHM", null)), List.of());
    static final ClaimGround DEPARTURE = new ClaimGround(LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(2026, 3, 1), "KHM");
    static final LifeEventRecorded DEPARTED = new LifeEventRecorded(SOKHA, LifeEventType.PERMANENT_DEPARTURE,
            LocalDate.of(2026, 3, 1), "KHM");

    static final Assessment PAYABLE = assessment(true, "52000.00", null);
    static final Assessment FALLEN = assessment(true, "48750.00", null);
    static final Assessment INELIGIBLE = assessment(false, "0.00", "fewer than 12 months of contributions");

    /** The worker herself, family name first as Khmer names are written. */
    static final Payee BANK = new Payee("CHAN Sokha", PaymentChannel.BANK_ACCOUNT, "KHM", "KHR", "ACLBKHPP", null,
            "001234567890", null, null, null);
    static final Payee WALLET = new Payee("Chan Sokha", PaymentChannel.MOBILE_WALLET, "KHM", "USD", null, null, null,
            "Wing", "+85512345678", null);
    static final Payee BROTHER = new Payee("Chan Dara", PaymentChannel.CASH_PICKUP, "KHM", "KHR", null, null, null,
            null, null, "Wing agent, Battambang market");

    static final FileClaim FILE = new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BANK, PAYABLE);
    static final ClaimFiled FILED = new ClaimFiled(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BANK, true, PAYABLE,
            OFFICER);
    static final ClaimApproved APPROVED = new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE,
            BANK, true, APPROVER);
    static final PaymentInstruction INSTRUCTION = new PaymentInstruction("SR-2026-03-05",
            "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f-1", "SSF-KTB-THB", new BigDecimal("52000.00"), "THB",
            new BigDecimal("6093880.00"), "KHR", new BigDecimal("117.19"), LocalDate.of(2026, 3, 5),
            "Bank of Thailand reference rate");
    static final ClaimScheduled SCHEDULED = new ClaimScheduled(SOKHA, CLAIM, "SR-2026-03-05", INSTRUCTION, SETTLEMENT);
    static final ClaimPaid PAID = new ClaimPaid(SOKHA, CLAIM, "ACLB-778812", "BANK-STS-1", INSTRUCTION, SETTLEMENT);
    static final ClaimFailed FAILED = new ClaimFailed(SOKHA, CLAIM, "AC04", "account closed", "BANK-STS-1", INSTRUCTION,
            new BigDecimal("52000.00"), "THB", SETTLEMENT);
    static final ClaimRejected REJECTED = new ClaimRejected(SOKHA, CLAIM, "not the worker's signature", APPROVER);
    static final ClaimCancelled CANCELLED = new ClaimCancelled(SOKHA, CLAIM, "the worker withdrew it", OFFICER);

    private FixtureConfiguration<WorkerAccount> fixture;

    @BeforeEach
    void setUp() {
        AggregateTestFixture<WorkerAccount> accounts = new AggregateTestFixture<>(WorkerAccount.class);
        accounts.registerInjectableResource((DocumentRegister) (document, workerId) -> Optional.empty());
        fixture = accounts;
    }

    static Map<String, String> by(String actor) {
        return Map.of(ClaimCommands.ACTOR, actor);
    }

    static Assessment assessment(boolean eligible, String amount, String refusal) {
        return new Assessment(eligible, new BigDecimal(amount), "THB", "S33 old-age lump sum",
                eligible ? LocalDate.of(2026, 3, 1) : null, refusal,
                List.of(new AssessmentStep("S33-LUMP-1", S33, "2025-01", Map.of("months", "84"), amount)),
                List.of(S33 + "@2025-01"));
    }

    /** The events that bring the claim to {@code status}, the worker registered and departed first. */
    static List<Object> historyTo(ClaimStatus status) {
        List<Object> history = new ArrayList<>(List.of(SOKHA_REGISTERED, DEPARTED, FILED));
        switch (status) {
            case FILED -> { }
            case APPROVED -> history.add(APPROVED);
            case SCHEDULED -> history.addAll(List.of(APPROVED, SCHEDULED));
            case PAID -> history.addAll(List.of(APPROVED, SCHEDULED, PAID));
            case FAILED -> history.addAll(List.of(APPROVED, SCHEDULED, FAILED));
            case REJECTED -> history.add(REJECTED);
            case CANCELLED -> history.add(CANCELLED);
        }
        return history;
    }

    static Matcher<Throwable> inWrongState(ClaimStatus current) {
        return allOf(instanceOf(ClaimInWrongState.class),
                new FeatureMatcher<Throwable, ClaimStatus>(org.hamcrest.Matchers.equalTo(current), "current state",
                        "current") {
                    @Override
                    protected ClaimStatus featureValueOf(Throwable actual) {
                        return ((ClaimInWrongState) actual).current();
                    }
                });
    }

    static Matcher<Throwable> refusing(String field) {
        return allOf(instanceOf(RequestRefused.class),
                new FeatureMatcher<Throwable, List<String>>(org.hamcrest.Matchers.hasItem(field), "refused fields",
                        "fields") {
                    @Override
                    protected List<String> featureValueOf(Throwable actual) {
                        return ((RequestRefused) actual).violations().stream().map(Violation::field).toList();
                    }
                });
    }

    /** Each step a claim can be asked to take, with the actor who would ask and the event it records. */
    enum Step {
        APPROVE(ClaimStatus.APPROVED, new ApproveClaim(SOKHA, CLAIM, PAYABLE, null), APPROVER, APPROVED),
        REJECT(ClaimStatus.REJECTED, new RejectClaim(SOKHA, CLAIM, "not the worker's signature"), APPROVER, REJECTED),
        CANCEL(ClaimStatus.CANCELLED, new CancelClaim(SOKHA, CLAIM, "the worker withdrew it"), OFFICER, CANCELLED),
        SCHEDULE(ClaimStatus.SCHEDULED, new ScheduleClaim(SOKHA, CLAIM, INSTRUCTION), SETTLEMENT, SCHEDULED),
        RECORD_PAID(ClaimStatus.PAID, new RecordClaimPaid(SOKHA, CLAIM, INSTRUCTION.endToEndId(), "ACLB-778812", "BANK-STS-1"), SETTLEMENT, PAID),
        RECORD_FAILED(ClaimStatus.FAILED, new RecordClaimFailed(SOKHA, CLAIM, INSTRUCTION.endToEndId(), "AC04", "account closed",
                "BANK-STS-1"), SETTLEMENT,
                FAILED);

        final ClaimStatus target;
        final Object command;
        final String actor;
        final Object event;

        Step(ClaimStatus target, Object command, String actor, Object event) {
            this.target = target;
            this.command = command;
            this.actor = actor;
            this.event = event;
        }
    }

    static final Map<ClaimStatus, List<ClaimStatus>> ALLOWED = Map.of(
            ClaimStatus.FILED, List.of(ClaimStatus.APPROVED, ClaimStatus.REJECTED, ClaimStatus.CANCELLED),
            ClaimStatus.APPROVED, List.of(ClaimStatus.SCHEDULED),
            ClaimStatus.SCHEDULED, List.of(ClaimStatus.PAID, ClaimStatus.FAILED),
            ClaimStatus.FAILED, List.of(ClaimStatus.APPROVED, ClaimStatus.CANCELLED),
            ClaimStatus.PAID, List.of(),
            ClaimStatus.REJECTED, List.of(),
            ClaimStatus.CANCELLED, List.of());

    static Stream<Arguments> allowedSteps() {
        return Stream.of(ClaimStatus.values()).flatMap(state -> Stream.of(Step.values())
                .filter(step -> ALLOWED.get(state).contains(step.target))
                .map(step -> Arguments.of(state, step)));
    }

    /** Settlement's steps sent again to a claim that took them: a resend, recorded once (see {@link Settlement}). */
    static boolean resend(ClaimStatus state, Step step) {
        return state == step.target && (step == Step.SCHEDULE || step == Step.RECORD_PAID || step == Step.RECORD_FAILED);
    }

    static Stream<Arguments> forbiddenSteps() {
        return Stream.of(ClaimStatus.values()).flatMap(state -> Stream.of(Step.values())
                .filter(step -> !ALLOWED.get(state).contains(step.target) && !resend(state, step))
                .map(step -> Arguments.of(state, step)));
    }

    @Nested
    class LifeCycle {

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("org.mekongledger.account.WorkerClaimsTest#allowedSteps")
        void everyAllowedStepRecordsItsEvent(ClaimStatus state, Step step) {
            fixture.given(historyTo(state))
                    .when(step.command, by(step.actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(step.event);
        }

        @ParameterizedTest(name = "{0} -/-> {1}")
        @MethodSource("org.mekongledger.account.WorkerClaimsTest#forbiddenSteps")
        void everyOtherStepIsRefusedNamingTheCurrentState(ClaimStatus state, Step step) {
            fixture.given(historyTo(state))
                    .when(step.command, by(step.actor))
                    .expectNoEvents()
                    .expectException(inWrongState(state))
                    .expectExceptionMessage(containsString("is " + state));
        }

        @Test
        void theTableCoversEveryStateAndEveryStep() {
            org.assertj.core.api.Assertions.assertThat(allowedSteps().count() + forbiddenSteps().count() + 3)
                    .isEqualTo((long) ClaimStatus.values().length * Step.values().length);
            org.assertj.core.api.Assertions.assertThat(allowedSteps().count()).isEqualTo(8);
        }

        @ParameterizedTest
        @EnumSource(Step.class)
        void aClaimTheAccountDoesNotHoldIsUnknown(Step step) {
            fixture.given(SOKHA_REGISTERED)
                    .when(step.command, by(step.actor))
                    .expectNoEvents()
                    .expectException(UnknownRecord.class)
                    .expectExceptionMessage(containsString(CLAIM));
        }
    }

    @Nested
    class MakerChecker {

        @Test
        void whoFiledAClaimMayNotApproveIt() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, null), by(OFFICER))
                    .expectNoEvents()
                    .expectException(SeparationOfDuties.class);
        }

        @Test
        void norApproveItAgainAfterItsPaymentFailed() {
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, WALLET), by(OFFICER))
                    .expectNoEvents()
                    .expectException(SeparationOfDuties.class);
        }

        @Test
        void whoFiledAClaimMayNotRejectIt() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new RejectClaim(SOKHA, CLAIM, "on second thoughts"), by(OFFICER))
                    .expectNoEvents()
                    .expectException(SeparationOfDuties.class);
        }

        @Test
        void butMayCancelIt() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new CancelClaim(SOKHA, CLAIM, "the worker withdrew it"), by(OFFICER))
                    .expectEvents(CANCELLED);
        }

        @Test
        void aSecondApproverMayApproveAgainAfterAFailure() {
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, null), by("approver-2"))
                    .expectEvents(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, BANK,
                            true, "approver-2"));
        }

        @Test
        void aStepWithoutAnActorIsNotTaken() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, null))
                    .expectNoEvents()
                    .expectException(SeparationOfDuties.class);
        }
    }

    @Nested
    class OncePerScheme {

        static final FileClaim SECOND = new FileClaim(SOKHA, "C-0002", S33, LUMP_SUM, AS_OF, DEPARTURE, BANK, PAYABLE);

        @ParameterizedTest
        @EnumSource(value = ClaimStatus.class, names = {"FILED", "APPROVED", "SCHEDULED", "FAILED", "PAID"})
        void anOpenOrPaidClaimBlocksASecondForItsScheme(ClaimStatus first) {
            fixture.given(historyTo(first))
                    .when(SECOND, by(OFFICER))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class)
                    .expectExceptionMessage(allOf(containsString(CLAIM), containsString(first.name())));
        }

        @ParameterizedTest
        @EnumSource(value = ClaimStatus.class, names = {"REJECTED", "CANCELLED"})
        void aRejectedOrCancelledClaimDoesNot(ClaimStatus first) {
            fixture.given(historyTo(first))
                    .when(SECOND, by(OFFICER))
                    .expectEvents(new ClaimFiled(SOKHA, "C-0002", S33, LUMP_SUM, AS_OF, DEPARTURE, BANK, true,
                            PAYABLE, OFFICER));
        }

        @Test
        void aClaimForAnotherSchemeDoesNot() {
            FileClaim welfare = new FileClaim(SOKHA, "C-0002", "TH_MWF", "WELFARE_LUMP_SUM", AS_OF, DEPARTURE, BANK,
                    PAYABLE);
            fixture.given(historyTo(ClaimStatus.PAID))
                    .when(welfare, by(OFFICER))
                    .expectEvents(new ClaimFiled(SOKHA, "C-0002", "TH_MWF", "WELFARE_LUMP_SUM", AS_OF, DEPARTURE,
                            BANK, true, PAYABLE, OFFICER));
        }

        @Test
        void aClaimIdIsUsedOnce() {
            FileClaim again = new FileClaim(SOKHA, CLAIM, "TH_MWF", "WELFARE_LUMP_SUM", AS_OF, DEPARTURE, BANK, PAYABLE);
            fixture.given(historyTo(ClaimStatus.CANCELLED))
                    .when(again, by(OFFICER))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }
    }

    @Nested
    class Filing {

        @Test
        void recordsTheGroundWithTheClaimWhenTheAccountDoesNotHoldItYet() {
            fixture.given(SOKHA_REGISTERED)
                    .when(FILE, by(OFFICER))
                    .expectEvents(DEPARTED, FILED);
        }

        @Test
        void recordsTheGroundOnlyOnce() {
            fixture.given(SOKHA_REGISTERED, DEPARTED)
                    .when(FILE, by(OFFICER))
                    .expectEvents(FILED);
        }

        @Test
        void aDepartureOnAnotherDayIsAnotherEvent() {
            LifeEventRecorded earlier = new LifeEventRecorded(SOKHA, LifeEventType.PERMANENT_DEPARTURE,
                    LocalDate.of(2024, 1, 10), "KHM");
            fixture.given(SOKHA_REGISTERED, earlier)
                    .when(FILE, by(OFFICER))
                    .expectEvents(DEPARTED, FILED);
        }

        @Test
        void aClaimWithoutGroundRecordsNoLifeEvent() {
            fixture.given(SOKHA_REGISTERED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, null, BANK, PAYABLE), by(OFFICER))
                    .expectEvents(new ClaimFiled(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, null, BANK, true, PAYABLE,
                            OFFICER));
        }

        @Test
        void theGroundIsCheckedLikeAnyLifeEvent() {
            ClaimGround beforeBirth = new ClaimGround(LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(1980, 1, 1), null);
            fixture.given(SOKHA_REGISTERED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, beforeBirth, BANK, PAYABLE), by(OFFICER))
                    .expectNoEvents()
                    .expectException(allOf(refusing("ground.date"), refusing("ground.country")));
        }

        @Test
        void noNewGroundForADeceasedWorker() {
            fixture.given(SOKHA_REGISTERED,
                            new LifeEventRecorded(SOKHA, LifeEventType.DEATH, LocalDate.of(2026, 1, 5), null))
                    .when(FILE, by(OFFICER))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }

        @Test
        void aClaimMayRestOnADeathAlreadyRecorded() {
            ClaimGround death = new ClaimGround(LifeEventType.DEATH, LocalDate.of(2026, 1, 5), null);
            FileClaim survivors = new FileClaim(SOKHA, CLAIM, S33, "SURVIVORS_GRANT", AS_OF, death, BROTHER, PAYABLE);
            fixture.given(SOKHA_REGISTERED,
                            new LifeEventRecorded(SOKHA, LifeEventType.DEATH, LocalDate.of(2026, 1, 5), null))
                    .when(survivors, by(OFFICER))
                    .expectEvents(new ClaimFiled(SOKHA, CLAIM, S33, "SURVIVORS_GRANT", AS_OF, death, BROTHER, false,
                            PAYABLE, OFFICER));
        }

        @Test
        void anIneligibleBenefitIsRefusedWithTheEnginesReason() {
            fixture.given(SOKHA_REGISTERED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BANK, INELIGIBLE), by(OFFICER))
                    .expectNoEvents()
                    .expectException(refusing("benefit"))
                    .expectExceptionMessage(containsString("fewer than 12 months"));
        }

        @Test
        void aBenefitAssessedAtNothingIsRefused() {
            fixture.given(SOKHA_REGISTERED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BANK,
                            assessment(true, "0.00", null)), by(OFFICER))
                    .expectNoEvents()
                    .expectException(refusing("benefit"));
        }

        @Test
        void everyPayeeProblemIsNamed() {
            Payee broken = new Payee("Chan Sokha", PaymentChannel.BANK_ACCOUNT, "KHM", "EUR", "ACLB", null, null,
                    null, "+85512345678", null);
            fixture.given(SOKHA_REGISTERED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, broken, PAYABLE), by(OFFICER))
                    .expectNoEvents()
                    .expectException(allOf(refusing("payee.bankBic"), refusing("payee.accountNumber"),
                            refusing("payee.currency"), refusing("payee.msisdn")));
        }

        @Test
        void aPayeeWhoIsNotPlainlyTheWorkerIsFlaggedNotRefused() {
            fixture.given(SOKHA_REGISTERED, DEPARTED)
                    .when(new FileClaim(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BROTHER, PAYABLE), by(OFFICER))
                    .expectEvents(new ClaimFiled(SOKHA, CLAIM, S33, LUMP_SUM, AS_OF, DEPARTURE, BROTHER, false,
                            PAYABLE, OFFICER));
        }
    }

    @Nested
    class Approval {

        @Test
        void aFallenAmountIsApprovedAtTheNewAmountKeepingTheFilingsAssessment() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, FALLEN, null), by(APPROVER))
                    .expectEvents(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("48750.00"), "THB", FALLEN, BANK,
                            true, APPROVER));
        }

        @Test
        void aBenefitNoLongerPayableIsNotApproved() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, INELIGIBLE, null), by(APPROVER))
                    .expectNoEvents()
                    .expectException(ClaimNoLongerPayable.class)
                    .expectExceptionMessage(containsString("fewer than 12 months"));
        }

        @Test
        void aFailedClaimIsApprovedAgainForANewPayee() {
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, WALLET), by(APPROVER))
                    .expectEvents(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, WALLET,
                            true, APPROVER));
        }

        @Test
        void theNewPayeeIsTheOneScheduledNext() {
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .andGiven(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, BROTHER,
                            false, APPROVER), SCHEDULED, FAILED)
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, null), by(APPROVER))
                    .expectEvents(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, BROTHER,
                            false, APPROVER));
        }

        @Test
        void aNewPayeeIsCheckedLikeTheFirst() {
            Payee abroad = new Payee("Chan Sokha", PaymentChannel.MOBILE_WALLET, "KHM", "KHR", null, null, null, "Wing",
                    "+66812345678", null);
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, abroad), by(APPROVER))
                    .expectNoEvents()
                    .expectException(refusing("newPayee.msisdn"));
        }

        @Test
        void aNewPayeeOnlyForAFailedClaim() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new ApproveClaim(SOKHA, CLAIM, PAYABLE, WALLET), by(APPROVER))
                    .expectNoEvents()
                    .expectException(refusing("newPayee"));
        }
    }

    @Nested
    class Reasons {

        @Test
        void aRejectionGivesItsReason() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new RejectClaim(SOKHA, CLAIM, "  "), by(APPROVER))
                    .expectNoEvents()
                    .expectException(refusing("reason"));
        }

        @Test
        void aCancellationGivesItsReasonInAtMost500Characters() {
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new CancelClaim(SOKHA, CLAIM, "x".repeat(501)), by(OFFICER))
                    .expectNoEvents()
                    .expectException(refusing("reason"));
            fixture.given(historyTo(ClaimStatus.FILED))
                    .when(new CancelClaim(SOKHA, CLAIM, "x".repeat(500)), by(OFFICER))
                    .expectEvents(new ClaimCancelled(SOKHA, CLAIM, "x".repeat(500), OFFICER));
        }

        @Test
        void schedulingNamesTheRunAndAFailureItsCode() {
            fixture.given(historyTo(ClaimStatus.APPROVED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, null), by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("instruction"));
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(new RecordClaimFailed(SOKHA, CLAIM, INSTRUCTION.endToEndId(), null, "account closed", "BANK-STS-1"), by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("reasonCode"));
        }
    }

    /** What a settlement run and a bank's report may do to a claim, and what they send twice. */
    @Nested
    class Settlement {

        static PaymentInstruction instruction(String endToEndId, String amount, String paidAmount, String paidCurrency,
                                              String rate) {
            return new PaymentInstruction("SR-2026-03-05", endToEndId, INSTRUCTION.debtorAccount(), new BigDecimal(amount), "THB",
                    new BigDecimal(paidAmount), paidCurrency, new BigDecimal(rate), LocalDate.of(2026, 3, 5),
                    "Bank of Thailand reference rate");
        }

        @Test
        void theSameInstructionSentAgainRecordsNothing() {
            PaymentInstruction again = instruction(INSTRUCTION.endToEndId(), "52000.0", "6093880", "KHR", "117.190");
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, again), by(SETTLEMENT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherInstructionForAScheduledClaimIsRefusedNamingTheState() {
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("other-1", "52000.00", "6093880.00", "KHR", "117.19")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(inWrongState(ClaimStatus.SCHEDULED));
        }

        @Test
        void anInstructionPaysExactlyTheApprovedAmountConvertedHalfUp() {
            fixture.given(historyTo(ClaimStatus.APPROVED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("e2e-1", "52000.01", "6093880.00", "KHR", "117.19")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("amount"));
            fixture.given(historyTo(ClaimStatus.APPROVED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("e2e-1", "52000.00", "6093880.01", "KHR", "117.19")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("paidAmount"));
            fixture.given(historyTo(ClaimStatus.APPROVED))
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("e2e-1", "52000.00", "2157.13", "USD", "0.041483")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("paidCurrency"));
        }

        @Test
        void dongHaveNoMinorUnitsSoHalfADongRoundsUp() {
            Payee vietBank = new Payee("Nguyen Van An", PaymentChannel.BANK_ACCOUNT, "VNM", "VND", "BFTVVNVX", null,
                    "0071000123456", null, null, null);
            List<Object> history = new ArrayList<>(List.of(SOKHA_REGISTERED, DEPARTED, FILED,
                    new ClaimApproved(SOKHA, CLAIM, new BigDecimal("1000.01"), "THB", PAYABLE, vietBank, false, APPROVER)));
            // 1000.01 x 750.5 = 750,507.505 -> 750,508 VND: no fraction of a dong can be paid
            fixture.given(history)
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("e2e-1", "1000.01", "750507.51", "VND", "750.5")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("paidAmount"));
            PaymentInstruction dong = instruction("e2e-1", "1000.01", "750508", "VND", "750.5");
            fixture.given(history)
                    .when(new ScheduleClaim(SOKHA, CLAIM, dong), by(SETTLEMENT))
                    .expectEvents(new ClaimScheduled(SOKHA, CLAIM, "SR-2026-03-05", dong, SETTLEMENT));
        }

        @Test
        void aBahtPaymentIsMadeAtRateOne() {
            Payee thaiBank = new Payee("Chan Sokha", PaymentChannel.BANK_ACCOUNT, "THA", "THB", "BKKBTHBK", null,
                    "1234567890", null, null, null);
            List<Object> history = new ArrayList<>(List.of(SOKHA_REGISTERED, DEPARTED, FILED,
                    new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, thaiBank, true, APPROVER)));
            fixture.given(history)
                    .when(new ScheduleClaim(SOKHA, CLAIM, instruction("e2e-1", "52000.00", "104000.00", "THB", "2")),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("rate"));
        }

        @Test
        void aReportReadAgainRecordsNothing() {
            List<Object> paid = new ArrayList<>(historyTo(ClaimStatus.SCHEDULED));
            paid.add(PAID);
            fixture.given(paid)
                    .when(Step.RECORD_PAID.command, by(SETTLEMENT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(historyTo(ClaimStatus.FAILED))
                    .when(Step.RECORD_FAILED.command, by(SETTLEMENT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aReportOnAnotherInstructionIsRefused() {
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(new RecordClaimPaid(SOKHA, CLAIM, "someone-else-1", "ACLB-1", "BANK-STS-1"), by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("endToEndId"));
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(new RecordClaimFailed(SOKHA, CLAIM, "someone-else-1", "AC04", "closed", "BANK-STS-1"),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("endToEndId"));
        }

        @Test
        void aFailedClaimApprovedAgainIsPaidUnderItsSecondInstruction() {
            List<Object> history = new ArrayList<>(historyTo(ClaimStatus.FAILED));
            history.add(new ClaimApproved(SOKHA, CLAIM, new BigDecimal("52000.00"), "THB", PAYABLE, WALLET, true, APPROVER));
            PaymentInstruction second = instruction("0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f-2", "52000.00", "2157.13", "USD",
                    "0.041483");
            history.add(new ClaimScheduled(SOKHA, CLAIM, "SR-2026-03-05", second, SETTLEMENT));
            fixture.given(history)
                    .when(new RecordClaimPaid(SOKHA, CLAIM, INSTRUCTION.endToEndId(), "ACLB-1", "BANK-STS-2"),
                            by(SETTLEMENT))
                    .expectNoEvents()
                    .expectException(refusing("endToEndId"));
            fixture.given(history)
                    .when(new RecordClaimPaid(SOKHA, CLAIM, second.endToEndId(), "WING-1", "BANK-STS-2"), by(SETTLEMENT))
                    .expectEvents(new ClaimPaid(SOKHA, CLAIM, "WING-1", "BANK-STS-2", second, SETTLEMENT));
        }

        @Test
        void aFailureCarriesTheApprovedAmountWhoseBookingIsReversed() {
            fixture.given(historyTo(ClaimStatus.SCHEDULED))
                    .when(Step.RECORD_FAILED.command, by(SETTLEMENT))
                    .expectEvents(FAILED);
        }
    }
}
