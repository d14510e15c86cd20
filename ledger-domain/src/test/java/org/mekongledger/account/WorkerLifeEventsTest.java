package org.mekongledger.account;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.CreditInsurancePeriod;
import org.mekongledger.api.DocumentType;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.api.InsurancePeriodCredited;
import org.mekongledger.api.LifeEventRecorded;
import org.mekongledger.api.RecordLifeEvent;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Sex;
import org.mekongledger.api.WorkerRegistered;
import org.mekongledger.vocabulary.LifeEventType;

class WorkerLifeEventsTest {

    private static final String SOKHA = "W-SOKHA";
    private static final WorkerRegistered SOKHA_REGISTERED = new WorkerRegistered(SOKHA, "Sokha", "Chan",
            LocalDate.of(1990, 5, 1), Sex.F, "KHM",
            List.of(new IdentityDocument(DocumentType.PASSPORT, "N0001", "KHM", null)), List.of());

    private FixtureConfiguration<WorkerAccount> fixture;

    @BeforeEach
    void setUp() {
        AggregateTestFixture<WorkerAccount> accounts = new AggregateTestFixture<>(WorkerAccount.class);
        accounts.registerInjectableResource((DocumentRegister) (document, workerId) -> Optional.empty());
        fixture = accounts;
    }

    @Test
    void recordsADepartureWithItsDestination() {
        fixture.given(SOKHA_REGISTERED)
                .when(new RecordLifeEvent(SOKHA, LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(2026, 3, 1), "KHM"))
                .expectEvents(new LifeEventRecorded(SOKHA, LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(2026, 3, 1), "KHM"));
    }

    @Test
    void aDepartureNamesWhereTo() {
        fixture.given(SOKHA_REGISTERED)
                .when(new RecordLifeEvent(SOKHA, LifeEventType.PERMANENT_DEPARTURE, LocalDate.of(2026, 3, 1), null))
                .expectNoEvents()
                .expectException(RequestRefused.class);
    }

    @Test
    void noEventBeforeBirth() {
        fixture.given(SOKHA_REGISTERED)
                .when(new RecordLifeEvent(SOKHA, LifeEventType.INSURED_STATUS_ENDED, LocalDate.of(1980, 1, 1), null))
                .expectNoEvents()
                .expectException(RequestRefused.class);
    }

    @Test
    void nothingHappensAfterDeath() {
        fixture.given(SOKHA_REGISTERED,
                        new LifeEventRecorded(SOKHA, LifeEventType.DEATH, LocalDate.of(2026, 1, 5), null))
                .when(new RecordLifeEvent(SOKHA, LifeEventType.RETURNED, LocalDate.of(2026, 2, 1), null))
                .expectNoEvents()
                .expectException(ConflictWithRecord.class);
    }

    @Test
    void creditsAPartnerInsurancePeriod() {
        fixture.given(SOKHA_REGISTERED)
                .when(new CreditInsurancePeriod(SOKHA, "KH_NSSF_PENSION", YearMonth.of(2018, 1), YearMonth.of(2019, 12),
                        "NSSF Cambodia letter 2026/114"))
                .expectEvents(new InsurancePeriodCredited(SOKHA, "KH_NSSF_PENSION", YearMonth.of(2018, 1),
                        YearMonth.of(2019, 12), "NSSF Cambodia letter 2026/114"));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        fixture.given(SOKHA_REGISTERED)
                .when(new CreditInsurancePeriod(SOKHA, "KH_NSSF_PENSION", YearMonth.of(2019, 1), YearMonth.of(2018, 12), "x"))
                .expectNoEvents()
                .expectException(RequestRefused.class);
    }

    @Test
    void overlappingPeriodsOfOneSchemeAreAConflictButOtherSchemesMayOverlap() {
        InsurancePeriodCredited credited = new InsurancePeriodCredited(SOKHA, "KH_NSSF_PENSION", YearMonth.of(2018, 1),
                YearMonth.of(2019, 12), "first letter");
        fixture.given(SOKHA_REGISTERED, credited)
                .when(new CreditInsurancePeriod(SOKHA, "KH_NSSF_PENSION", YearMonth.of(2019, 12), YearMonth.of(2020, 6), "x"))
                .expectNoEvents()
                .expectException(ConflictWithRecord.class);
        fixture.given(SOKHA_REGISTERED, credited)
                .when(new CreditInsurancePeriod(SOKHA, "LA_LSSO", YearMonth.of(2019, 1), YearMonth.of(2019, 6), "x"))
                .expectEvents(new InsurancePeriodCredited(SOKHA, "LA_LSSO", YearMonth.of(2019, 1), YearMonth.of(2019, 6), "x"));
    }
}
