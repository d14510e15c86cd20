package org.mekongledger.ruleset;

import static org.mekongledger.ruleset.AmendmentFixtures.contribution;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;
import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.RuleSetVersionAdded;

class RuleSetAmendmentsTest {

    private final AggregateTestFixture<RuleSetAmendments> fixture = new AggregateTestFixture<>(RuleSetAmendments.class);

    RuleSetAmendmentsTest() {
        // the shipped catalogue: in the service, the one in force under the revision lock
        fixture.registerInjectableResource(RuleSetCatalogue.shipped());
    }

    @Test
    void addsAVersionThatFitsTheCatalogue() {
        AddRuleSetVersion amendment = contribution("2040-01", "2040-01-01");

        fixture.givenNoPriorActivity()
                .when(amendment)
                .expectEvents(added(amendment));
    }

    @Test
    void refusesAVersionTheCatalogueRefuses() {
        fixture.givenNoPriorActivity()
                .when(contribution("2031-01", "2031-01-01"))
                .expectNoEvents()
                .expectException(refusedOn("effectiveFrom"));
    }

    @Test
    void keepsItsOwnStreamInOrderEvenWhereTheCatalogueHasNotCaughtUp() {
        AddRuleSetVersion earlier = contribution("2041-01", "2041-01-01");

        fixture.given(added(earlier))
                .when(contribution("2040-06", "2040-06-01"))
                .expectNoEvents()
                .expectException(refusedOn("effectiveFrom"));
        fixture.given(added(earlier))
                .when(contribution("2041-01", "2042-01-01"))
                .expectException(refusedOn("version"));
    }

    private static RuleSetVersionAdded added(AddRuleSetVersion command) {
        return new RuleSetVersionAdded(command.ruleSetId(), command.version(), command.effectiveFrom(),
                command.parameters(), null, command.basis());
    }

    private static org.hamcrest.Matcher<RequestRefused> refusedOn(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RequestRefused refused) {
                return refused.violations().size() == 1 && refused.violations().get(0).field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused on " + field);
            }
        };
    }
}
