package org.mekongledger.contribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version selection and appending, on versions built in code. */
class ContributionRuleSetTest {

    private final ContributionRuleSet ruleSet = ContributionRuleSet.of(Section33Fixture.ID, List.of(
            Section33Fixture.version("2015-01", "15000.00"),
            Section33Fixture.version("2026-01", "17500.00")));

    @Test
    void picksTheLatestVersionEffectiveOnOrBeforeThePeriod() {
        assertThat(ruleSet.inForce(YearMonth.of(2015, 1))).map(ContributionRuleSetVersion::version).contains("2015-01");
        assertThat(ruleSet.inForce(YearMonth.of(2025, 12))).map(ContributionRuleSetVersion::version).contains("2015-01");
        assertThat(ruleSet.inForce(YearMonth.of(2026, 1))).map(ContributionRuleSetVersion::version).contains("2026-01");
        assertThat(ruleSet.inForce(YearMonth.of(2099, 12))).map(ContributionRuleSetVersion::version).contains("2026-01");
    }

    @Test
    void hasNoVersionBeforeTheFirst() {
        assertThat(ruleSet.inForce(YearMonth.of(2014, 12))).isEmpty();
        assertThat(ContributionRuleSet.empty("X").inForce(YearMonth.of(2026, 1))).isEmpty();
        assertThatThrownBy(() -> ruleSet.contributionFor(YearMonth.of(2014, 12), new BigDecimal("9000.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version");
    }

    @Test
    void computesWithTheVersionInForce() {
        BigDecimal wage = new BigDecimal("20000.00");
        assertThat(ruleSet.contributionFor(YearMonth.of(2025, 12), wage).insurableWage())
                .isEqualTo(new BigDecimal("15000.00"));
        assertThat(ruleSet.contributionFor(YearMonth.of(2026, 1), wage).insurableWage())
                .isEqualTo(new BigDecimal("17500.00"));
    }

    @Test
    void withVersionReturnsANewRuleSetAndLeavesTheOriginalAlone() {
        ContributionRuleSetVersion v2029 = Section33Fixture.version("2029-01", "20000.00");

        ContributionRuleSet extended = ruleSet.withVersion(v2029);

        assertThat(extended.versions()).extracting(ContributionRuleSetVersion::version)
                .containsExactly("2015-01", "2026-01", "2029-01");
        assertThat(ruleSet.versions()).hasSize(2);
        assertThat(extended.id()).isEqualTo(ruleSet.id());
        assertThatThrownBy(() -> extended.versions().add(v2029)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withVersionRejectsAVersionEffectiveBeforeTheLatest() {
        assertThatThrownBy(() -> ruleSet.withVersion(Section33Fixture.version("2020-09", "15000.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after the latest version 2026-01");
    }

    @Test
    void withVersionRejectsAVersionEffectiveTheSameMonthAsTheLatest() {
        ContributionRuleSetVersion sameMonth = new ContributionRuleSetVersion(Section33Fixture.ID, "2026-01-bis",
                YearMonth.of(2026, 1), Section33Fixture.THB, new BigDecimal("1650"), new BigDecimal("18000"),
                Section33Fixture.normalRates(), Section33Fixture.WHOLE_BAHT_HALF_UP, org.mekongledger.vocabulary.Bases.test("test"));

        assertThatThrownBy(() -> ruleSet.withVersion(sameMonth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after the latest version");
    }

    @Test
    void withVersionRejectsAVersionOfAnotherRuleSet() {
        ContributionRuleSetVersion other = new ContributionRuleSetVersion("KH_NSSF_PENSION", "2030-01",
                YearMonth.of(2030, 1), Section33Fixture.THB, new BigDecimal("1650"), new BigDecimal("18000"),
                Section33Fixture.normalRates(), Section33Fixture.WHOLE_BAHT_HALF_UP, org.mekongledger.vocabulary.Bases.test("test"));

        assertThatThrownBy(() -> ruleSet.withVersion(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KH_NSSF_PENSION");
    }

    @Test
    void withVersionRejectsAReusedVersionLabel() {
        ContributionRuleSetVersion relabelled = new ContributionRuleSetVersion(Section33Fixture.ID, "2026-01",
                YearMonth.of(2029, 1), Section33Fixture.THB, new BigDecimal("1650"), new BigDecimal("20000"),
                Section33Fixture.normalRates(), Section33Fixture.WHOLE_BAHT_HALF_UP, org.mekongledger.vocabulary.Bases.test("test"));

        assertThatThrownBy(() -> ruleSet.withVersion(relabelled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a version labelled 2026-01");
    }
}
