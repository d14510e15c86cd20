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
                .expectEvents(new EmployerRegistered("1000000017", "Chai Charoen Rice Mill Co., Ltd."));
    }
}
