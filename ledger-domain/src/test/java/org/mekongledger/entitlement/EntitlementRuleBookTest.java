package org.mekongledger.entitlement;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.LifeEventType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The book of entitlement rule sets in force, amended version by version; its files are read in ruleset. */
class EntitlementRuleBookTest {

    private static final String OLD_AGE = "TH_SSF_S33_OLD_AGE";

    @Nested
    class Versions {

        private final EntitlementRuleBook book = RuleSetFiles.shippedEntitlements();
        private final OldAgeRuleSetVersion shipped = (OldAgeRuleSetVersion) book
                .inForce(OLD_AGE, LocalDate.parse("2026-01-01")).orElseThrow();

        private OldAgeRuleSetVersion version(String label, String effectiveFrom, int pensionableAge) {
            return new OldAgeRuleSetVersion(OLD_AGE, label, LocalDate.parse(effectiveFrom), RuleSetStatus.IN_FORCE,
                    org.mekongledger.vocabulary.Bases.test("test"), shipped.scheme(), shipped.currency(), pensionableAge, 12, 180, shipped.baseRatePercent(),
                    shipped.incrementPercent(), 12, 60, shipped.declaredReturnsPercent(), shipped.survivorsLumpSumMultiple(),
                    60, true);
        }

        @Test
        void theVersionInForceIsTheLatestEffectiveOnOrBeforeTheDay() {
            EntitlementRuleBook later = book.withVersion(version("2030-01", "2030-01-01", 60));

            assertThat(later.inForce(OLD_AGE, LocalDate.parse("2029-12-31")).orElseThrow().version()).isEqualTo("2022-02");
            assertThat(later.inForce(OLD_AGE, LocalDate.parse("2022-01-31")).orElseThrow().version()).isEqualTo("1999-01");
            assertThat(later.inForce(OLD_AGE, LocalDate.parse("2030-01-01")).orElseThrow().version()).isEqualTo("2030-01");
            assertThat(later.inForce(OLD_AGE, LocalDate.parse("1998-12-31"))).isEmpty();
            assertThat(book.inForce(OLD_AGE, LocalDate.parse("2030-01-01")).orElseThrow().version())
                    .as("the original book is unchanged").isEqualTo("2022-02");
        }

        @Test
        void theEngineJudgesACaseWithTheVersionInForceOnItsAsOfDate() {
            EntitlementRuleBook later = book.withVersion(version("2030-01", "2030-01-01", 60));
            Worker worker = Worker.bornOn("1975-06-01").workedMonthsUpTo(24, "2020-08", "10000.00")
                    .insuredStatusEnded("2020-08-31").rules(later);

            assertThat(worker.asOf("2029-12-31").s33().payableFrom()).isEqualTo(LocalDate.parse("2030-06-01"));
            assertThat(worker.asOf("2030-01-01").s33().payableFrom()).isEqualTo(LocalDate.parse("2035-06-01"));
        }

        @Test
        void historyIsNeverRewritten() {
            assertThatThrownBy(() -> book.withVersion(version("1999-01b", "1999-01-01", 55)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
            assertThatThrownBy(() -> book.withVersion(version("1999-01", "2030-01-01", 55)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has");
        }

        @Test
        void aRuleSetKeepsItsKindAndScheme() {
            AgreementRuleSetVersion sameIdOtherKind = new AgreementRuleSetVersion(OLD_AGE, "2030-01",
                    LocalDate.parse("2030-01-01"), RuleSetStatus.MODEL, org.mekongledger.vocabulary.Bases.test("test"), "TH_SSF_S33", "MMR", java.util.Set.of(),
                    12, EnumSet.noneOf(AgreementOption.class));
            assertThatThrownBy(() -> book.withVersion(sameIdOtherKind)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BENEFITS");

            OldAgeRuleSetVersion secondForTheScheme = new OldAgeRuleSetVersion("TH_SSF_S33_OLD_AGE_BIS", "2030-01",
                    LocalDate.parse("2030-01-01"), RuleSetStatus.IN_FORCE, org.mekongledger.vocabulary.Bases.test("test"), "TH_SSF_S33", shipped.currency(), 55,
                    12, 180, BigDecimal.TEN, BigDecimal.ONE, 12, 60, null, BigDecimal.TEN, 60, true);
            assertThatThrownBy(() -> book.withVersion(secondForTheScheme)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("both pay");
        }

        @Test
        void parametersAreValidated() {
            assertThatThrownBy(() -> version("x", "2030-01-01", 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pensionableAgeYears");
            assertThatThrownBy(() -> new FundBenefit("DEATH_BENEFIT", EnumSet.of(LifeEventType.DEATH),
                    new BigDecimal("10"), new BigDecimal("5"), "RELATIVES")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AgreementRuleSetVersion("NONE", "1", LocalDate.parse("2030-01-01"),
                    RuleSetStatus.MODEL, org.mekongledger.vocabulary.Bases.test("test"), "TH_SSF_S33", "MMR", java.util.Set.of(), 12,
                    EnumSet.noneOf(AgreementOption.class))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
