package org.mekongledger.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mekongledger.ruleset.AmendmentFixtures.S33;
import static org.mekongledger.ruleset.AmendmentFixtures.VN_FUND;
import static org.mekongledger.ruleset.AmendmentFixtures.contribution;
import static org.mekongledger.ruleset.AmendmentFixtures.welfareFund;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.mekongledger.api.AddRuleSetVersion;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.entitlement.RuleSetStatus;

class RuleSetCatalogueTest {

    private final RuleSetCatalogue shipped = RuleSetCatalogue.shipped();

    @Test
    void knowsTheKindOfEveryRuleSetInOnePlace() {
        assertThat(shipped.kindOf(S33)).contains(RuleSetKind.CONTRIBUTIONS);
        assertThat(shipped.kindOf("TH_SSF_S33_OLD_AGE")).contains(RuleSetKind.BENEFITS);
        assertThat(shipped.kindOf("TH-KH")).contains(RuleSetKind.AGREEMENT);
        assertThat(shipped.kindOf(VN_FUND)).contains(RuleSetKind.WELFARE_FUND);
        assertThat(shipped.kindOf("NO_SUCH")).isEmpty();
    }

    @Test
    void listsContributionSchedulesFirstThenEntitlementRuleSetsAlike() {
        assertThat(shipped.ruleSets().get(0).id()).isEqualTo(S33);
        assertThat(shipped.ruleSets()).extracting(RuleSetListing::kind).containsOnlyOnce(RuleSetKind.CONTRIBUTIONS);
        RuleSetListing s33 = shipped.ruleSet(S33).orElseThrow();
        assertThat(s33.status()).isEqualTo(RuleSetStatus.IN_FORCE);
        assertThat(s33.versions().get(0).effectiveFrom()).isEqualTo(LocalDate.parse("1991-01-01"));
        assertThat(s33.versions().get(0).parameters()).containsKeys("currency", "wageFloor", "wageCeiling",
                "ratesPercent", "rounding");
        assertThat(shipped.ruleSet(VN_FUND).orElseThrow().kind()).isEqualTo(RuleSetKind.WELFARE_FUND);
        assertThat(shipped.ruleSet("NO_SUCH")).isEmpty();
    }

    @Test
    void admitsAVersionAfterTheLatestInItsRuleSetsFormat() {
        shipped.admit(contribution("2040-01", "2040-01-01"));
        shipped.admit(welfareFund("2040-01", "2040-01-01"));

        ListedVersion fund = shipped.versionOf(welfareFund("2040-01", "2040-01-01"));
        assertThat(fund.basis().source().title()).isEqualTo("fund amendment");
        assertThat(fund.basis().status()).isEqualTo(org.mekongledger.vocabulary.SourceStatus.ASSUMED);
        assertThat(shipped.versionOf(contribution("2040-01", "2040-01-01", p -> p.put("wageCeiling", "30000.00")))
                .parameters()).containsEntry("wageCeiling", "30000.00");
    }

    @Test
    void refusesAnEditOfHistoryNamingTheField() {
        assertThat(refusedField(contribution("2031-01", "2031-01-01"))).isEqualTo("effectiveFrom");
        assertThat(refusedField(contribution("2032-01", "2040-01-01"))).isEqualTo("version");
        assertThat(refusedField(welfareFund("2022-02", "2040-01-01"))).isEqualTo("version");
        assertThat(refusedField(welfareFund("2040-01", "2022-02-01"))).isEqualTo("effectiveFrom");
    }

    @Test
    void refusesAnInvalidVersionNamingTheField() {
        assertThat(refusedField(contribution("2040-01", "2040-01-15"))).isEqualTo("effectiveFrom");
        RequestRefused noRates = catchThrowableOfType(RequestRefused.class,
                () -> shipped.admit(contribution("2040-01", "2040-01-01", p -> p.remove("ratesPercent"))));
        assertThat(noRates.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("parameters");
            assertThat(v.message()).contains("ratesPercent");
        });
        assertThat(catchThrowableOfType(UnknownRecord.class, () -> shipped.admit(new AddRuleSetVersion("NO_SUCH",
                "1", LocalDate.parse("2040-01-01"), "{}", null)))).isNotNull();
    }

    @Test
    void aVersionAddedGivesANewCatalogueAndLeavesTheOldOneAsItWas() {
        AddRuleSetVersion amendment = contribution("2040-01", "2040-01-01", p -> p.put("wageCeiling", "30000.00"));

        RuleSetCatalogue amended = shipped.withVersion(amendment.ruleSetId(), amendment.version(),
                amendment.effectiveFrom(), amendment.parameters(), amendment.basis());

        assertThat(amended.contributions().ruleSet(S33).orElseThrow().inForce(YearMonth.parse("2040-02"))
                .orElseThrow().version()).isEqualTo("2040-01");
        assertThat(shipped.contributions().ruleSet(S33).orElseThrow().inForce(YearMonth.parse("2040-02"))
                .orElseThrow().version()).isEqualTo("2032-01");
        assertThat(refusedFieldIn(amended, contribution("2039-01", "2039-01-01"))).isEqualTo("effectiveFrom");
    }

    private String refusedField(AddRuleSetVersion amendment) {
        return refusedFieldIn(shipped, amendment);
    }

    private static String refusedFieldIn(RuleSetCatalogue catalogue, AddRuleSetVersion amendment) {
        RequestRefused refused = catchThrowableOfType(RequestRefused.class, () -> catalogue.admit(amendment));
        assertThat(refused).as("refused: %s", amendment).isNotNull();
        assertThat(refused.violations()).hasSize(1);
        return refused.violations().get(0).field();
    }
}
