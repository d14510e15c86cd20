package org.mekongledger.employer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.EmployerRegistered;
import org.mekongledger.api.RegisterEmployer;

class EmployerTest {

    private FixtureConfiguration<Employer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Employer.class);
    }

    @Test
    void anEmployerIsRegisteredUnderItsSocialSecurityAccount() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("1000000017", "Chai Charoen Rice Mill Co., Ltd."))
                .expectEvents(new EmployerRegistered("1000000017", "Chai Charoen Rice Mill Co., Ltd.", null));
    }

    @Test
    void anEmployerMayGiveItsProvinceOnRegistration() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("1000000017", "Chiang Mai Longan Co.", "TH-50"))
                .expectEvents(new EmployerRegistered("1000000017", "Chiang Mai Longan Co.", "TH-50"))
                .expectState(employer -> {
                    org.assertj.core.api.Assertions.assertThat(employer.provinceIn(java.time.YearMonth.of(1991, 1)))
                            .isEqualTo("TH-50");
                });
    }

    @Test
    void aProvinceThatIsNoIsoCodeIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEmployer("1000000017", "Somewhere Co.", "Chiang Mai"))
                .expectNoEvents()
                .expectException(org.mekongledger.api.RequestRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("province"));
        fixture.given(new EmployerRegistered("1000000017", "Somewhere Co.", null))
                .when(new org.mekongledger.api.RelocateEmployer("1000000017", "TH-99", java.time.YearMonth.of(2024, 10)))
                .expectNoEvents()
                .expectException(org.mekongledger.api.RequestRefused.class);
        fixture.given(new EmployerRegistered("1000000017", "Somewhere Co.", null))
                .when(new org.mekongledger.api.RelocateEmployer("1000000017", "TH-50", java.time.YearMonth.of(1990, 12)))
                .expectNoEvents()
                .expectException(org.mekongledger.api.RequestRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("1991-01"));
    }

    @Test
    void aRelocationHoldsFromItsMonthAndEarlierMonthsKeepTheOldProvince() {
        java.time.YearMonth october = java.time.YearMonth.of(2024, 10);
        fixture.given(new EmployerRegistered("1000000017", "Rice Mill", "TH-10"))
                .when(new org.mekongledger.api.RelocateEmployer("1000000017", "TH-50", october))
                .expectEvents(new org.mekongledger.api.EmployerRelocated("1000000017", "TH-50", october))
                .expectState(employer -> {
                    org.assertj.core.api.Assertions.assertThat(employer.provinceIn(october.minusMonths(1))).isEqualTo("TH-10");
                    org.assertj.core.api.Assertions.assertThat(employer.provinceIn(october)).isEqualTo("TH-50");
                    org.assertj.core.api.Assertions.assertThat(employer.provinceIn(october.plusYears(5))).isEqualTo("TH-50");
                });
        // asked again, the same move changes nothing
        fixture.given(new EmployerRegistered("1000000017", "Rice Mill", "TH-10"),
                        new org.mekongledger.api.EmployerRelocated("1000000017", "TH-50", october))
                .when(new org.mekongledger.api.RelocateEmployer("1000000017", "TH-50", october))
                .expectNoEvents();
    }
}
