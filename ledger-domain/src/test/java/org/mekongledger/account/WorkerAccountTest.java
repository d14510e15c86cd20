package org.mekongledger.account;

import org.mekongledger.ruleset.RuleSetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.Contact;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.api.DocumentLinked;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.IdentityDocument.DocumentKey;
import org.mekongledger.api.LinkDocument;
import org.mekongledger.api.RegisterWorker;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Sex;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.contribution.PersonMonthContribution;

class WorkerAccountTest {

    private static final String AYE = "W-AYE-AYE";
    private static final String SOKHA = "W-SOKHA";
    private static final String RICE_MILL = "1000000017";
    private static final String S33 = "TH_SSF_S33";
    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);

    private static final IdentityDocument PINK_CARD =
            new IdentityDocument(DocumentType.PINK_CARD, "0-0012-34567-89-1", "TH", LocalDate.of(2027, 3, 31));
    private static final IdentityDocument PASSPORT =
            new IdentityDocument(DocumentType.PASSPORT, "MA1234567", "MM", LocalDate.of(2030, 1, 14));
    /** The same passport as a clerk at another office typed it. */
    private static final IdentityDocument PASSPORT_AS_TYPED_ELSEWHERE =
            new IdentityDocument(DocumentType.PASSPORT, "ma 123-4567", "mm", LocalDate.of(2030, 1, 14));
    private static final IdentityDocument WORK_PERMIT =
            new IdentityDocument(DocumentType.WORK_PERMIT, "WP-2025-778812", "TH", LocalDate.of(2026, 12, 31));

    private static final List<Contact> CONTACTS = List.of(new Contact("phone", "+66 81 234 5678"),
            new Contact("line", "ayeaye.mdy"));

    private InMemoryDocumentRegister documentRegister;
    private FixtureConfiguration<WorkerAccount> fixture;

    @BeforeEach
    void setUp() {
        documentRegister = new InMemoryDocumentRegister();
        AggregateTestFixture<WorkerAccount> accounts = new AggregateTestFixture<>(WorkerAccount.class);
        accounts.registerInjectableResource(documentRegister);
        accounts.registerAnnotatedCommandHandler(new FilingIntakeStandIn(accounts.getRepository()));
        fixture = accounts;
    }

    @Nested
    class Registration {

        @Test
        void aWorkerRegisteredWithTheirDocumentsHasAnAccount() {
            fixture.givenNoPriorActivity()
                    .when(registerAye(PINK_CARD, PASSPORT))
                    .expectEvents(ayeRegistered(PINK_CARD, PASSPORT));

            assertThat(documentRegister.holderOf(PINK_CARD)).contains(AYE);
            assertThat(documentRegister.holderOf(PASSPORT)).contains(AYE);
        }

        @Test
        void aDocumentAnotherWorkerHoldsIsAConflictAndNothingIsRecorded() {
            documentRegister.alreadyHeld(PASSPORT, SOKHA);

            fixture.givenNoPriorActivity()
                    .when(registerAye(PINK_CARD, PASSPORT_AS_TYPED_ELSEWHERE))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class)
                    .expectExceptionMessage(containsString(PASSPORT.key().toString()));

            assertThat(documentRegister.holderOf(PASSPORT)).contains(SOKHA);
        }

        @Test
        void theSameDocumentListedTwiceIsRefusedNamingTheSecondListing() {
            fixture.givenNoPriorActivity()
                    .when(registerAye(PASSPORT, PASSPORT_AS_TYPED_ELSEWHERE, PINK_CARD))
                    .expectNoEvents()
                    .expectException(refusedNaming("documents[1]"));

            assertThat(documentRegister.isEmpty()).as("a refused registration claims no document").isTrue();
        }

        @Test
        void aWorkerWithoutAnyDocumentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registerAye())
                    .expectNoEvents()
                    .expectException(refusedNaming("documents"));
        }
    }

    @Nested
    class LinkingDocuments {

        @Test
        void aNewDocumentIsLinkedToTheWorker() {
            fixture.given(ayeRegistered(PINK_CARD))
                    .when(new LinkDocument(AYE, PASSPORT))
                    .expectEvents(new DocumentLinked(AYE, PASSPORT));

            assertThat(documentRegister.holderOf(PASSPORT)).contains(AYE);
        }

        @Test
        void aDocumentTheWorkerAlreadyHasIsAConflict() {
            fixture.given(ayeRegistered(PINK_CARD, PASSPORT))
                    .when(new LinkDocument(AYE, PASSPORT_AS_TYPED_ELSEWHERE))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class)
                    .expectExceptionMessage(containsString("already linked to this worker"));
        }

        @Test
        void aDocumentLinkedLaterIsAlsoKnownAsTheWorkersOwn() {
            fixture.given(ayeRegistered(PINK_CARD), new DocumentLinked(AYE, WORK_PERMIT))
                    .when(new LinkDocument(AYE, WORK_PERMIT))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }

        @Test
        void aDocumentAnotherWorkerHoldsIsAConflict() {
            documentRegister.alreadyHeld(WORK_PERMIT, SOKHA);

            fixture.given(ayeRegistered(PINK_CARD))
                    .when(new LinkDocument(AYE, WORK_PERMIT))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class)
                    .expectExceptionMessage(containsString("another worker"));
        }
    }

    /**
     * The filing intake records and reverses contributions by loading the account from the
     * repository and calling it, not through a command of the account's own. The test-only
     * {@link FilingIntakeStandIn} does the same on the fixture's repository.
     */
    @Nested
    class Contributions {

        private final ContributionRuleSet s33 = RuleSetFiles.shippedContributions().ruleSet(S33).orElseThrow();
        private final PersonMonthContribution june = s33.contributionFor(JUNE_2025, new BigDecimal("20000"));
        private final ContributionRecorded juneRecorded = new ContributionRecorded(AYE, "F-1", S33, RICE_MILL,
                JUNE_2025, june.ruleSetVersion(), "THB", june.wage(), june.insurableWage(), june.shares());

        @Test
        void aPersonMonthIsRecordedWithTheRuleSetVersionThatComputedIt() {
            fixture.given(ayeRegistered(PASSPORT))
                    .when(new RecordContribution(AYE, "F-1", RICE_MILL, june))
                    .expectEvents(juneRecorded)
                    .expectState(account -> assertThat(account.hasStandingContribution("F-1")).isTrue());

            assertThat(juneRecorded.ruleSetVersion()).isEqualTo("2023-01");
            assertThat(juneRecorded.insurableWage()).isEqualByComparingTo("15000");
            assertThat(juneRecorded.shares().get(Party.EMPLOYEE).total()).isEqualByComparingTo("750.00");
        }

        @Test
        void oneFilingIsRecordedOnlyOnceOnAnAccount() {
            fixture.given(ayeRegistered(PASSPORT), juneRecorded)
                    .when(new RecordContribution(AYE, "F-1", RICE_MILL, june))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }

        @Test
        void aReversalCompensatesExactlyTheRecordedAmounts() {
            fixture.given(ayeRegistered(PASSPORT), juneRecorded)
                    .when(new ReverseContribution(AYE, "F-1", "wage keyed in twice"))
                    .expectEvents(new ContributionReversed(AYE, "F-1", S33, RICE_MILL, JUNE_2025, "THB",
                            juneRecorded.wage(), juneRecorded.insurableWage(), juneRecorded.shares(),
                            "wage keyed in twice"));
        }

        @Test
        void aReversalOnlyTouchesTheFilingItNames() {
            PersonMonthContribution july = s33.contributionFor(JUNE_2025.plusMonths(1), new BigDecimal("9000.50"));
            ContributionRecorded julyRecorded = new ContributionRecorded(AYE, "F-2", S33, RICE_MILL,
                    july.period(), july.ruleSetVersion(), "THB", july.wage(), july.insurableWage(), july.shares());

            fixture.given(ayeRegistered(PASSPORT), juneRecorded, julyRecorded)
                    .when(new ReverseContribution(AYE, "F-2", "wrong employer"))
                    .expectEvents(new ContributionReversed(AYE, "F-2", S33, RICE_MILL, july.period(), "THB",
                            new BigDecimal("9000.50"), new BigDecimal("9000.50"), july.shares(), "wrong employer"))
                    .expectState(account -> {
                        assertThat(account.hasStandingContribution("F-1")).isTrue();
                        assertThat(account.hasStandingContribution("F-2")).isFalse();
                    });
        }

        @Test
        void aContributionCannotBeReversedTwice() {
            fixture.given(ayeRegistered(PASSPORT), juneRecorded,
                            new ContributionReversed(AYE, "F-1", S33, RICE_MILL, JUNE_2025, "THB",
                                    juneRecorded.wage(), juneRecorded.insurableWage(), juneRecorded.shares(),
                                    "wage keyed in twice"))
                    .when(new ReverseContribution(AYE, "F-1", "again"))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }

        @Test
        void aFilingNeverRecordedOnTheAccountCannotBeReversed() {
            fixture.given(ayeRegistered(PASSPORT))
                    .when(new ReverseContribution(AYE, "F-1", "never there"))
                    .expectNoEvents()
                    .expectException(ConflictWithRecord.class);
        }
    }

    private static RegisterWorker registerAye(IdentityDocument... documents) {
        return new RegisterWorker(AYE, "Aye Aye", "Khine", LocalDate.of(1994, 8, 2), Sex.F, "MM",
                List.of(documents), CONTACTS);
    }

    private static WorkerRegistered ayeRegistered(IdentityDocument... documents) {
        return new WorkerRegistered(AYE, "Aye Aye", "Khine", LocalDate.of(1994, 8, 2), Sex.F, "MM",
                List.of(documents), CONTACTS);
    }

    /** A {@link RequestRefused} whose violations name exactly these fields, in this order. */
    private static Matcher<RequestRefused> refusedNaming(String... fields) {
        return new FeatureMatcher<>(contains(fields), "a RequestRefused naming fields", "fields") {
            @Override
            protected List<String> featureValueOf(RequestRefused refused) {
                return refused.violations().stream().map(Violation::field).toList();
            }
        };
    }

    /** Test-only commands: the calls the filing intake makes on one account, as messages for the fixture. */
    record RecordContribution(String workerId, String filingId, String employerAccount,
                              PersonMonthContribution month) {
    }

    record ReverseContribution(String workerId, String filingId, String reason) {
    }

    /** Loads the account from the repository and calls it, as {@code FilingIntake} does for each line. */
    static final class FilingIntakeStandIn {

        private final Repository<WorkerAccount> accounts;

        FilingIntakeStandIn(Repository<WorkerAccount> accounts) {
            this.accounts = accounts;
        }

        @CommandHandler
        void handle(RecordContribution command) {
            accounts.load(command.workerId()).execute(account ->
                    account.recordContribution(command.filingId(), command.employerAccount(), command.month()));
        }

        @CommandHandler
        void handle(ReverseContribution command) {
            accounts.load(command.workerId()).execute(account ->
                    account.reverseContribution(command.filingId(), command.reason()));
        }
    }

    /**
     * The set-wide document register, kept in a map. Like the real register it takes part in the
     * unit of work: a claim made by a request that is then refused is withdrawn.
     */
    static final class InMemoryDocumentRegister implements DocumentRegister {

        private final Map<DocumentKey, String> holders = new HashMap<>();

        @Override
        public Optional<String> claim(DocumentKey document, String workerId) {
            String holder = holders.putIfAbsent(document, workerId);
            if (holder == null) {
                CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> holders.remove(document, workerId)));
            }
            return Optional.ofNullable(holder).filter(other -> !other.equals(workerId));
        }

        void alreadyHeld(IdentityDocument document, String workerId) {
            holders.put(document.key(), workerId);
        }

        Optional<String> holderOf(IdentityDocument document) {
            return Optional.ofNullable(holders.get(document.key()));
        }

        boolean isEmpty() {
            return holders.isEmpty();
        }
    }
}
