package org.mekongledger.contribution;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the shipped Section 33 rules over every month they are meant to cover. */
class ContributionInvariantsProperties {

    private static final ContributionRuleSet S33 =
            RuleSetFiles.shippedContributions().ruleSet("TH_SSF_S33").orElseThrow();
    private static final YearMonth FIRST = YearMonth.of(2015, 1);
    private static final YearMonth LAST = YearMonth.of(2035, 12);

    @Property
    void branchesSumToEachPartyTotalAndInsurableWageIsWithinFloorAndCeiling(
            @ForAll("wages") BigDecimal wage, @ForAll("periods") YearMonth period) {
        ContributionRuleSetVersion version = S33.inForce(period).orElseThrow();

        PersonMonthContribution contribution = version.contributionFor(period, wage);

        assertThat(contribution.insurableWage()).isBetween(version.wageFloor(), version.wageCeiling());
        assertThat(contribution.insurableWage().scale()).isEqualTo(2);
        BigDecimal partiesTotal = BigDecimal.ZERO;
        for (Party party : Party.values()) {
            PartyShare share = contribution.share(party);
            BigDecimal branchSum = share.branches().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(branchSum).as("%s branches", party).isEqualTo(share.total());
            assertThat(share.total().scale()).isEqualTo(2);
            assertThat(share.branches().values()).allSatisfy(amount -> {
                assertThat(amount.scale()).isEqualTo(2);
                assertThat(amount.signum()).isNotNegative();
            });
            partiesTotal = partiesTotal.add(share.total());
        }
        assertThat(contribution.total()).isEqualTo(partiesTotal);
    }

    @Property
    void aHigherWageNeverLowersAShare(@ForAll("wages") BigDecimal wage, @ForAll("wages") BigDecimal raise,
                                      @ForAll("periods") YearMonth period) {
        PersonMonthContribution lower = S33.contributionFor(period, wage);
        PersonMonthContribution higher = S33.contributionFor(period, wage.add(raise));

        for (Party party : Party.values()) {
            assertThat(higher.share(party).total()).isGreaterThanOrEqualTo(lower.share(party).total());
        }
    }

    @Provide
    Arbitrary<BigDecimal> wages() {
        Arbitrary<BigDecimal> anyWage = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("1000000.00")).ofScale(2);
        // most of 0.01..1,000,000 lies above every ceiling; make sure the clamps' edges get traffic too
        Arbitrary<BigDecimal> aroundFloorAndCeilings = Arbitraries.bigDecimals()
                .between(new BigDecimal("1000.00"), new BigDecimal("25000.00")).ofScale(2);
        return Arbitraries.oneOf(anyWage, aroundFloorAndCeilings);
    }

    @Provide
    Arbitrary<YearMonth> periods() {
        int months = (LAST.getYear() - FIRST.getYear()) * 12 + LAST.getMonthValue() - FIRST.getMonthValue();
        return Arbitraries.integers().between(0, months).map(FIRST::plusMonths);
    }
}
