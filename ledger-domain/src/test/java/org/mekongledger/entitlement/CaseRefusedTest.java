package org.mekongledger.entitlement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A case the engine cannot judge is refused by a type that names the part at fault, never by text alone. */
class CaseRefusedTest {

    private static Worker cambodian() {
        return Worker.bornOn("1965-01-01").national("KHM")
                .workedMonthsUpTo(170, "2020-08", "10000.00").insuredStatusEnded("2020-08-31")
                .asOf("2024-06-01");
    }

    @Test
    void anAgreementThatDoesNotExistIsAnAgreementRefusal() {
        assertThatThrownBy(() -> cambodian().agreement("TH-XX").entitlements())
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("no agreement TH-XX");
    }

    @Test
    void anAgreementForAnotherNationalityIsAnAgreementRefusal() {
        assertThatThrownBy(() -> cambodian().agreement("TH-MM").entitlements())
                .isInstanceOf(AgreementRefused.class).hasMessageContaining("MMR");
    }

    @Test
    void monthsWithNoRulesInForceOnTheDateAreARefusalOfTheHistory() {
        assertThatThrownBy(() -> cambodian().asOf("1991-01-01").entitlements())
                .isInstanceOf(NoRulesInForce.class).isNotInstanceOf(AgreementRefused.class)
                .isInstanceOf(CaseRefused.class).isInstanceOf(IllegalArgumentException.class);
    }
}
