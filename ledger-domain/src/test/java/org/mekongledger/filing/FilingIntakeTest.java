package org.mekongledger.filing;

import org.mekongledger.ruleset.RuleSetCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.ContributionRecorded;
import org.mekongledger.api.WelfareFeeRecorded;
import org.mekongledger.api.WelfareFeeReversed;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.api.ContributionReversed;
import org.mekongledger.api.ContributionsFiled;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.FileContributions.Line;
import org.mekongledger.api.FilingReversed;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.ReverseFiling;
import org.mekongledger.api.Sex;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.api.Violation;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.employer.Employer;

/**
 * The filing intake over Axon's own event-sourcing repositories and an in-memory event store. Every
 * request runs in its own unit of work, as on the command bus: a refused request is rolled back,
 * so "nothing stored" below is what the event store holds, not what the intake meant to do.
 */
class FilingIntakeTest {

    private static final RuleSetCatalogue SHIPPED_RULES = RuleSetCatalogue.shipped();

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    /** "Today" for every test: 25 November 2026, morning in Bangkok. */
    private static final Clock NOVEMBER_25_2026 =
            Clock.fixed(LocalDateTime.of(2026, 11, 25, 9, 30).atZone(BANGKOK).toInstant(), BANGKOK);

    private static final String S33 = "TH_SSF_S33";
    private static final String RICE_MILL = "1000000017";
    private static final String FISH_CANNERY = "2000000025";
    private static final String AYE = "W-AYE-AYE";
    private static final String MIN = "W-MIN-THU";
    private static final String SOKHA = "W-SOKHA";
    private static final String THIDA = "W-THIDA";
    private static final String NOBODY = "W-NOT-REGISTERED";
    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);
    private static final YearMonth APRIL_2026 = YearMonth.of(2026, 4);

    private InMemoryEventStorageEngine storage;
    private EmbeddedEventStore store;
    private InMemoryFilingPeriodRegister periods;
    private FilingIntake intake;

    @BeforeEach
    void setUp() {
        storage = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(storage).build();
        periods = new InMemoryFilingPeriodRegister();
        intake = new FilingIntake(
                EventSourcingRepository.builder(ContributionFiling.class).eventStore(store).build(),
                EventSourcingRepository.builder(WorkerAccount.class).eventStore(store).build(),
                EventSourcingRepository.builder(Employer.class).eventStore(store).build(),
                () -> SHIPPED_RULES, periods, NOVEMBER_25_2026);

        employerRegistered(RICE_MILL);
        workerRegistered(AYE);
        workerRegistered(MIN);
        workerRegistered(SOKHA);
        workerRegistered(THIDA);
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Nested
    class AcceptedFiling {

        @Test
        void recordsTheFilingAndOneContributionPerWorkerAtTheRatesInForce() {
            FilingReceipt receipt = file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"), line(MIN, "9000.50"));

            assertThat(eventsOf("F-1")).containsExactly(new ContributionsFiled("F-1", S33, RICE_MILL, JUNE_2025,
                    "2023-01", "THB", List.of(AYE, MIN), null, "national version 2023-01 (in force from 2023-01);"
                    + " no version for 2025-06 is limited to some provinces"));

            ContributionRecorded aye = theContributionOf(AYE, "F-1");
            assertThat(aye.scheme()).isEqualTo(S33);
            assertThat(aye.employerAccount()).isEqualTo(RICE_MILL);
            assertThat(aye.period()).isEqualTo(JUNE_2025);
            assertThat(aye.ruleSetVersion()).isEqualTo("2023-01");
            assertThat(aye.currency()).isEqualTo("THB");
            assertThat(aye.wage()).isEqualByComparingTo("20000");
            assertThat(aye.insurableWage()).as("capped at the 2025 ceiling").isEqualByComparingTo("15000");
            assertThat(aye.shares().get(Party.EMPLOYEE).total()).isEqualByComparingTo("750.00");
            assertThat(aye.shares().get(Party.EMPLOYER).total()).isEqualByComparingTo("750.00");
            assertThat(aye.shares().get(Party.GOVERNMENT).total()).isEqualByComparingTo("413.00");

            ContributionRecorded min = theContributionOf(MIN, "F-1");
            assertThat(min.insurableWage()).as("below the ceiling").isEqualByComparingTo("9000.50");
            assertThat(min.shares().get(Party.EMPLOYEE).total()).as("450.025 to whole baht")
                    .isEqualByComparingTo("450.00");

            assertThat(recordedEventTypes()).as("exactly one header and one line per worker")
                    .containsExactly(ContributionsFiled.class, ContributionRecorded.class, ContributionRecorded.class);

            assertThat(receipt.filingId()).isEqualTo("F-1");
            assertThat(receipt.ruleSetVersion()).isEqualTo("2023-01");
            assertThat(receipt.lines()).extracting(FilingReceipt.Line::workerId).containsExactly(AYE, MIN);
            PersonMonthContribution answeredForAye = ((FilingReceipt.WageLine) receipt.lines().get(0)).contribution();
            assertThat(answeredForAye.insurableWage()).isEqualTo(aye.insurableWage());
            assertThat(answeredForAye.shares()).isEqualTo(aye.shares());
        }

        @Test
        void aMonthUnderTheRaisedCeilingOf2026IsComputedWithThatVersion() {
            FilingReceipt receipt = file("F-1", RICE_MILL, APRIL_2026, line(AYE, "40000"));

            ContributionRecorded aye = theContributionOf(AYE, "F-1");
            assertThat(aye.ruleSetVersion()).isEqualTo("2026-01");
            assertThat(aye.insurableWage()).isEqualByComparingTo("17500");
            assertThat(aye.shares().get(Party.EMPLOYEE).total()).isEqualByComparingTo("875.00");
            assertThat(receipt.ruleSetVersion()).isEqualTo("2026-01");
        }

        @Test
        void anEmployerInAFloodProvinceIsPricedByTheFloodCutAndOneInBangkokByTheNationalRates() {
            employerRegistered("5000000050", "TH-50");
            employerRegistered("1000000010", "TH-10");
            YearMonth november2024 = YearMonth.of(2024, 11);

            FilingReceipt chiangMai = file("F-CM", "5000000050", november2024, line(AYE, "10000"));
            FilingReceipt bangkok = file("F-BKK", "1000000010", november2024, line(MIN, "10000"));

            assertThat(chiangMai.ruleSetVersion()).isEqualTo("2024-10-FLOOD");
            assertThat(chiangMai.employerProvince()).isEqualTo("TH-50");
            assertThat(chiangMai.versionReason()).contains("TH-50 (Chiang Mai) is among the 55 provinces");
            assertThat(theContributionOf(AYE, "F-CM").shares().get(Party.EMPLOYEE).total()).isEqualByComparingTo("300.00");
            assertThat(bangkok.ruleSetVersion()).isEqualTo("2023-01");
            assertThat(bangkok.versionReason()).contains("TH-10 (Bangkok) is not among the provinces of version 2024-10-FLOOD");
            assertThat(theContributionOf(MIN, "F-BKK").shares().get(Party.EMPLOYEE).total()).isEqualByComparingTo("500.00");
            assertThat(eventsOf("F-CM").get(0)).isInstanceOfSatisfying(ContributionsFiled.class, filed -> {
                assertThat(filed.employerProvince()).isEqualTo("TH-50");
                assertThat(filed.versionReason()).isEqualTo(chiangMai.versionReason());
            });
        }

        @Test
        void theCurrentMonthCanBeFiled() {
            file("F-1", RICE_MILL, YearMonth.of(2026, 11), line(AYE, "12000"));

            assertThat(theContributionOf(AYE, "F-1").period()).isEqualTo(YearMonth.of(2026, 11));
        }

        @Test
        void claimsThePeriodForTheFiling() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));

            assertThat(periods.standingFiling(S33, RICE_MILL, JUNE_2025)).contains("F-1");
        }

        @Test
        void anotherEmployerMayFileTheSameMonth() {
            employerRegistered(FISH_CANNERY);
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));

            file("F-2", FISH_CANNERY, JUNE_2025, line(MIN, "15000"));

            assertThat(theContributionOf(MIN, "F-2").employerAccount()).isEqualTo(FISH_CANNERY);
        }
    }

    @Nested
    class RefusedFiling {

        @Test
        void listsEveryBadLineAndStoresNothing() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class, () -> file("F-1", RICE_MILL, JUNE_2025,
                    line(AYE, "20000"),
                    line(NOBODY, "10000"),
                    line(MIN, "0"),
                    line(SOKHA, "-500"),
                    line(THIDA, "12000.125"),
                    line(AYE, "20000")));

            assertThat(refused.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                    "lines[1].workerId",
                    "lines[2].wage",
                    "lines[3].wage",
                    "lines[4].wage",
                    "lines[5].workerId");
            assertThat(storedEventCount()).isEqualTo(before);
            assertThat(periods.standingFiling(S33, RICE_MILL, JUNE_2025)).isEmpty();
        }

        @Test
        void anUnknownEmployerIsNamed() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class,
                    () -> file("F-1", FISH_CANNERY, JUNE_2025, line(AYE, "20000")));

            assertThat(refused.violations()).extracting(Violation::field).containsExactly("employerAccount");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void aMonthAfterTheCurrentOneIsRefused() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class,
                    () -> file("F-1", RICE_MILL, YearMonth.of(2026, 12), line(AYE, "20000")));

            assertThat(refused.violations()).extracting(Violation::field).containsExactly("period");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void aMonthNoRuleSetVersionCoversIsRefused() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class,
                    () -> file("F-1", RICE_MILL, YearMonth.of(1990, 1), line(AYE, "20000")));

            assertThat(refused.violations()).extracting(Violation::field).containsExactly("period");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void anUnknownSchemeIsNamedAsTheScheme() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class,
                    () -> fileUnder("TH_SSF_S39", "F-1", RICE_MILL, JUNE_2025, line(AYE, "20000")));

            assertThat(refused.violations()).extracting(Violation::field).containsExactly("scheme");
            assertThat(storedEventCount()).isEqualTo(before);
            assertThat(periods.standingFiling("TH_SSF_S39", RICE_MILL, JUNE_2025)).isEmpty();
        }

        @Test
        void aRefusedMonthStillListsTheBadLines() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class, () -> file("F-1", RICE_MILL,
                    YearMonth.of(2026, 12), line(AYE, "-5.00"), line(NOBODY, "100.00")));

            assertThat(refused.violations()).extracting(Violation::field)
                    .containsExactlyInAnyOrder("period", "lines[0].wage", "lines[1].workerId");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void aMonthWithoutRulesInForceStillListsTheBadLines() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class, () -> file("F-1", RICE_MILL,
                    YearMonth.of(1990, 1), line(AYE, "0"), line(MIN, "12000"), line(AYE, "12000")));

            assertThat(refused.violations()).extracting(Violation::field)
                    .containsExactlyInAnyOrder("period", "lines[0].wage", "lines[2].workerId");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void aSecondFilingForTheSameEmployerSchemeAndMonthIsAConflict() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));
            long before = storedEventCount();

            refusalOf(ConflictWithRecord.class, () -> file("F-2", RICE_MILL, JUNE_2025, line(MIN, "15000")));

            assertThat(storedEventCount()).isEqualTo(before);
            assertThat(eventsOf("F-2")).isEmpty();
            assertThat(periods.standingFiling(S33, RICE_MILL, JUNE_2025)).contains("F-1");
        }

        /**
         * Filing ids are generated per request, so this can only happen with a replayed id; it is
         * the one way a worker's account refuses its line after other lines were already applied.
         */
        @Test
        void whenOneAccountRefusesItsLineNoPartOfTheFilingIsStored() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));
            long before = storedEventCount();

            refusalOf(ConflictWithRecord.class,
                    () -> file("F-1", RICE_MILL, JUNE_2025.plusMonths(1), line(MIN, "15000"), line(AYE, "20000")));

            assertThat(storedEventCount()).isEqualTo(before);
            assertThat(eventsOf(MIN)).extracting(Object::getClass).containsExactly(WorkerRegistered.class);
            assertThat(eventsOf("F-1")).hasSize(1);
        }
    }

    @Nested
    class Reversal {

        @Test
        void compensatesEveryLineWithTheRecordedAmounts() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"), line(MIN, "9000.50"));
            ContributionRecorded aye = theContributionOf(AYE, "F-1");
            ContributionRecorded min = theContributionOf(MIN, "F-1");
            long before = storedEventCount();

            reverse("F-1", "wages of the wrong month");

            assertThat(storedEventsSince(before)).containsExactlyInAnyOrder(
                    new FilingReversed("F-1", S33, RICE_MILL, JUNE_2025, "wages of the wrong month"),
                    compensationOf(aye, "wages of the wrong month"),
                    compensationOf(min, "wages of the wrong month"));
            assertThat(eventsOf("F-1")).last().isEqualTo(
                    new FilingReversed("F-1", S33, RICE_MILL, JUNE_2025, "wages of the wrong month"));
            assertThat(eventsOf(AYE)).last().isEqualTo(compensationOf(aye, "wages of the wrong month"));
            assertThat(eventsOf(MIN)).last().isEqualTo(compensationOf(min, "wages of the wrong month"));
        }

        @Test
        void releasesTheMonthSoACorrectedFilingIsAccepted() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));
            reverse("F-1", "wage keyed without overtime");

            file("F-2", RICE_MILL, JUNE_2025, line(AYE, "23500"));

            assertThat(periods.standingFiling(S33, RICE_MILL, JUNE_2025)).contains("F-2");
            assertThat(eventsOf(AYE)).extracting(Object::getClass).containsExactly(WorkerRegistered.class,
                    ContributionRecorded.class, ContributionReversed.class, ContributionRecorded.class);
            assertThat(theContributionOf(AYE, "F-2").wage()).isEqualByComparingTo("23500");
        }

        @Test
        void aFilingCannotBeReversedTwice() {
            file("F-1", RICE_MILL, JUNE_2025, line(AYE, "20000"));
            reverse("F-1", "first reversal");
            long before = storedEventCount();

            ConflictWithRecord conflict = refusalOf(ConflictWithRecord.class, () -> reverse("F-1", "second reversal"));

            assertThat(conflict).hasMessageContaining("F-1").hasMessageContaining("already reversed");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void anUnknownFilingCannotBeReversed() {
            long before = storedEventCount();

            refusalOf(UnknownRecord.class, () -> reverse("F-404", "no such filing"));

            assertThat(storedEventCount()).isEqualTo(before);
        }
    }

    @Nested
    class WelfareFundFees {

        private final YearMonth march2026 = YearMonth.of(2026, 3);

        @Test
        void recordsEachFeeWithWhoPaidItAtTheFundsRates() {
            FilingReceipt receipt = fileUnder("VN_OESF", "F-VN", RICE_MILL, march2026,
                    fee(AYE, FeePayer.WORKER), fee(AYE, FeePayer.RECRUITMENT_AGENCY), fee(MIN, FeePayer.WORKER));

            assertThat(receipt.currency()).isEqualTo("VND");
            assertThat(receipt.lines()).extracting(line -> ((FilingReceipt.FeeLine) line).fee())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("100000"), new BigDecimal("150000"), new BigDecimal("100000"));
            assertThat(eventsOf(AYE)).filteredOn(WelfareFeeRecorded.class::isInstance)
                    .extracting(e -> ((WelfareFeeRecorded) e).payer())
                    .containsExactly(FeePayer.WORKER, FeePayer.RECRUITMENT_AGENCY);
        }

        @Test
        void everyFeeLineNamesAPayerTheFundTakesFeesFromOnce() {
            long before = storedEventCount();

            RequestRefused refused = refusalOf(RequestRefused.class, () -> fileUnder("VN_OESF", "F-VN", RICE_MILL,
                    march2026, fee(AYE, null), fee(MIN, FeePayer.EMPLOYER), fee(MIN, FeePayer.WORKER),
                    fee(MIN, FeePayer.WORKER)));

            assertThat(refused.violations()).extracting(Violation::field)
                    .containsExactly("lines[0].payer", "lines[1].payer", "lines[3].payer");
            assertThat(storedEventCount()).isEqualTo(before);
        }

        @Test
        void aReversalCompensatesEveryFeeOfTheFiling() {
            fileUnder("VN_OESF", "F-VN", RICE_MILL, march2026, fee(AYE, FeePayer.WORKER),
                    fee(AYE, FeePayer.RECRUITMENT_AGENCY));

            reverse("F-VN", "agency fee charged to the worker");

            assertThat(eventsOf(AYE)).filteredOn(WelfareFeeReversed.class::isInstance).hasSize(2);
            assertThat(periods.standingFiling("VN_OESF", RICE_MILL, march2026)).isEmpty();
        }
    }

    private static Line fee(String workerId, FeePayer payer) {
        return new FileContributions.FeeLine(workerId, payer);
    }

    // --- the requests, each in its own unit of work ------------------------------------------------

    private FilingReceipt file(String filingId, String employerAccount, YearMonth period, Line... lines) {
        return fileUnder(S33, filingId, employerAccount, period, lines);
    }

    private FilingReceipt fileUnder(String scheme, String filingId, String employerAccount, YearMonth period,
                                    Line... lines) {
        FileContributions command = new FileContributions(filingId, scheme, employerAccount, period, Arrays.asList(lines));
        return inUnitOfWork(command, () -> intake.handle(command));
    }

    private void reverse(String filingId, String reason) {
        ReverseFiling command = new ReverseFiling(filingId, reason);
        inUnitOfWork(command, () -> {
            intake.handle(command);
            return null;
        });
    }

    private static <R> R inUnitOfWork(Object command, Callable<R> handler) {
        ResultMessage<R> result = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command))
                .executeWithResult(handler);
        if (result.isExceptional()) {
            Throwable refusal = result.exceptionResult();
            throw refusal instanceof RuntimeException runtime ? runtime : new IllegalStateException(refusal);
        }
        return result.getPayload();
    }

    private static <X extends Throwable> X refusalOf(Class<X> type, Runnable request) {
        Throwable thrown = catchThrowable(request::run);
        assertThat(thrown).isInstanceOf(type);
        return type.cast(thrown);
    }

    private static Line line(String workerId, String wage) {
        return new FileContributions.WageLine(workerId, new BigDecimal(wage));
    }

    // --- what the event store holds ----------------------------------------------------------------

    private void employerRegistered(String employerAccount) {
        employerRegistered(employerAccount, null);
    }

    private void employerRegistered(String employerAccount, String province) {
        store.publish(new GenericDomainEventMessage<>("Employer", employerAccount, 0,
                new EmployerRegistered(employerAccount, "Employer " + employerAccount, province)));
    }

    private void workerRegistered(String workerId) {
        store.publish(new GenericDomainEventMessage<>("WorkerAccount", workerId, 0, new WorkerRegistered(workerId,
                workerId.substring(2), "", LocalDate.of(1995, 1, 1), Sex.F, "MM",
                List.of(new IdentityDocument(DocumentType.PINK_CARD, "PC-" + workerId, "TH", null)), List.of())));
    }

    private List<Object> eventsOf(String aggregateId) {
        return storage.readEvents(aggregateId, 0).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private ContributionRecorded theContributionOf(String workerId, String filingId) {
        List<ContributionRecorded> recorded = eventsOf(workerId).stream()
                .filter(ContributionRecorded.class::isInstance).map(ContributionRecorded.class::cast)
                .filter(event -> event.filingId().equals(filingId)).toList();
        assertThat(recorded).as("contributions of " + workerId + " in " + filingId).hasSize(1);
        return recorded.get(0);
    }

    private long storedEventCount() {
        return storage.readEvents(null, false).count();
    }

    private List<Object> storedEventsSince(long count) {
        return storage.readEvents(null, false).skip(count).map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private List<Class<?>> recordedEventTypes() {
        return storedEventsSince(0).stream()
                .filter(event -> !(event instanceof WorkerRegistered) && !(event instanceof EmployerRegistered))
                .<Class<?>>map(Object::getClass).toList();
    }

    private static ContributionReversed compensationOf(ContributionRecorded recorded, String reason) {
        return new ContributionReversed(recorded.workerId(), recorded.filingId(), recorded.scheme(),
                recorded.employerAccount(), recorded.period(), recorded.currency(), recorded.wage(),
                recorded.insurableWage(), recorded.shares(), reason);
    }

    /**
     * The set-wide one-filing-per-period rule, kept in a map. Like the real register it takes part
     * in the unit of work: a claim made by a request that is then rolled back is withdrawn.
     */
    static final class InMemoryFilingPeriodRegister implements FilingPeriodRegister {

        private final Map<List<Object>, String> standing = new HashMap<>();

        @Override
        public Optional<String> claim(String scheme, String employerAccount, YearMonth period, String filingId) {
            List<Object> key = List.of(scheme, employerAccount, period);
            String holder = standing.putIfAbsent(key, filingId);
            if (holder != null) {
                return Optional.of(holder);
            }
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> standing.remove(key, filingId)));
            return Optional.empty();
        }

        @Override
        public void release(String scheme, String employerAccount, YearMonth period, String filingId) {
            List<Object> key = List.of(scheme, employerAccount, period);
            if (standing.remove(key, filingId)) {
                CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> standing.put(key, filingId)));
            }
        }

        Optional<String> standingFiling(String scheme, String employerAccount, YearMonth period) {
            return Optional.ofNullable(standing.get(List.of(scheme, employerAccount, period)));
        }
    }
}
