package org.mekongledger.entitlement;

import org.mekongledger.ruleset.RuleSetFiles;

import org.mekongledger.vocabulary.LifeEventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the engine with the shipped rules, over histories and lives it was not written for. */
class EntitlementInvariantsProperties {

    private static final EntitlementEngine ENGINE = new EntitlementEngine(RuleSetFiles.shippedEntitlements());
    private static final String S33 = "TH_SSF_S33";
    private static final YearMonth FIRST_MONTH = YearMonth.of(1999, 1);
    private static final LocalDate RETIRED_AS_OF = LocalDate.of(2060, 1, 1);

    @Property
    void aPensionNeverFallsWhenMonthsAreAdded(@ForAll @IntRange(min = 180, max = 480) int months,
                                              @ForAll @IntRange(min = 1, max = 120) int more,
                                              @ForAll("wages") BigDecimal wage) {
        BigDecimal fewer = nationalPension(constant(months, wage));
        BigDecimal added = nationalPension(constant(months + more, wage));

        assertThat(added).isGreaterThanOrEqualTo(fewer);
    }

    @Property
    void aPensionNeverFallsWhenAWageRises(@ForAll("wageHistories") List<BigDecimal> wages,
                                          @ForAll @IntRange(min = 0, max = 1000) int at,
                                          @ForAll("wages") BigDecimal raise) {
        List<BigDecimal> raised = new ArrayList<>(wages);
        int index = at % wages.size();
        raised.set(index, raised.get(index).add(raise));

        assertThat(nationalPension(months(raised))).isGreaterThanOrEqualTo(nationalPension(months(wages)));
    }

    @Property
    void theProRataPensionNeverExceedsTheTheoreticalOne(@ForAll @IntRange(min = 12, max = 400) int thaiMonths,
                                                         @ForAll @IntRange(min = 1, max = 300) int partnerMonths,
                                                         @ForAll("wages") BigDecimal wage) {
        Assume.that(thaiMonths + partnerMonths >= 180);
        YearMonth partnerFrom = FIRST_MONTH.plusMonths(thaiMonths);
        EntitlementCase c = new EntitlementCase(LocalDate.of(1960, 1, 1), "KHM", Map.of(S33, constant(thaiMonths, wage)),
                List.of(new ForeignPeriod("KH_NSSF_PENSION", partnerFrom, partnerFrom.plusMonths(partnerMonths - 1L),
                        "property")), List.of(ended()), null, RETIRED_AS_OF);

        Entitlement e = ENGINE.entitlements(c).get(0);

        BigDecimal theoretical = new BigDecimal(Worker.step(e, "TH-KH.THEORETICAL_AMOUNT"));
        BigDecimal proRata = new BigDecimal(Worker.step(e, "TH-KH.PRO_RATA"));
        assertThat(proRata).isLessThanOrEqualTo(theoretical);
        assertThat(e.amount()).isGreaterThanOrEqualTo(proRata);
    }

    @Property
    void everyExplanationAddsUpToItsAmount(@ForAll("cases") EntitlementCase c) {
        for (Entitlement e : ENGINE.entitlements(c)) {
            List<ExplanationStep> steps = e.explanation();
            assertThat(steps).isNotEmpty();
            assertThat(steps.get(steps.size() - 1).result()).isEqualTo(e.amount().toPlainString());
            // a rule id names the scheme or the agreement whose rule it is
            assertThat(steps).allSatisfy(s -> assertThat(s.ruleId().startsWith(e.scheme() + ".")
                    || s.ruleId().startsWith(s.ruleSetId() + ".")).as(s.ruleId()).isTrue());
        }
    }

    @Property
    void everyAmountIsAtItsCurrencysMinorUnitAndNeverNegative(@ForAll("cases") EntitlementCase c) {
        for (Entitlement e : ENGINE.entitlements(c)) {
            assertThat(e.amount().scale()).isEqualTo(e.currency().getDefaultFractionDigits());
            assertThat(e.amount().signum()).isNotNegative();
            assertThat(e.eligible()).as("eligible implies payable by asOf")
                    .isEqualTo(e.eligible() && e.payableFrom() != null && !c.asOf().isBefore(e.payableFrom()));
        }
    }

    private static BigDecimal nationalPension(List<InsuredMonth> months) {
        EntitlementCase c = new EntitlementCase(LocalDate.of(1960, 1, 1), "THA", Map.of(S33, months), null,
                List.of(ended()), null, RETIRED_AS_OF);
        Entitlement e = ENGINE.entitlements(c).get(0);
        assertThat(e.benefit()).isEqualTo(OldAgeBenefits.PENSION);
        return e.amount();
    }

    private static LifeEvent ended() {
        return new LifeEvent(LifeEventType.INSURED_STATUS_ENDED, LocalDate.of(2050, 12, 31), null);
    }

    private static List<InsuredMonth> constant(int count, BigDecimal wage) {
        List<BigDecimal> wages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            wages.add(wage);
        }
        return months(wages);
    }

    private static List<InsuredMonth> months(List<BigDecimal> insurableWages) {
        List<InsuredMonth> months = new ArrayList<>(insurableWages.size());
        YearMonth period = FIRST_MONTH;
        for (BigDecimal wage : insurableWages) {
            BigDecimal oldAge = wage.multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP);
            months.add(new InsuredMonth(period, wage, oldAge, oldAge));
            period = period.plusMonths(1);
        }
        return months;
    }

    @Provide
    Arbitrary<BigDecimal> wages() {
        return Arbitraries.bigDecimals().between(new BigDecimal("1650.00"), new BigDecimal("23000.00")).ofScale(2);
    }

    @Provide
    Arbitrary<List<BigDecimal>> wageHistories() {
        return wages().list().ofMinSize(180).ofMaxSize(400);
    }

    @Provide
    Arbitrary<EntitlementCase> cases() {
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 365 * 50)
                .map(d -> LocalDate.of(1945, 1, 1).plusDays(d));
        Arbitrary<String> nationality = Arbitraries.of("THA", "MMR", "KHM", "LAO", "VNM");
        Arbitrary<String> agreement = Arbitraries.of("AUTO", "NONE").map(a -> a.equals("AUTO") ? null : a);
        Arbitrary<LocalDate> asOf = Arbitraries.integers().between(365 * 23 + 60, 365 * 70)
                .map(d -> LocalDate.of(1999, 1, 1).plusDays(d));
        Arbitrary<List<InsuredMonth>> thai = Combinators.combine(
                        Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 60),
                        Arbitraries.bigDecimals().between(new BigDecimal("1650.00"), new BigDecimal("15000.00"))
                                .ofScale(2).list().ofMaxSize(420))
                .as(EntitlementInvariantsProperties::withGap);
        Arbitrary<List<ForeignPeriod>> foreign = Combinators.combine(
                        Arbitraries.of("KH_NSSF_PENSION", "LA_LSSO", "MM_SSB", "VN_VSS", "PH_SSS"),
                        Arbitraries.integers().between(0, 400), Arbitraries.integers().between(1, 240))
                .as((scheme, from, length) -> new ForeignPeriod(scheme, FIRST_MONTH.plusMonths(from),
                        FIRST_MONTH.plusMonths(from + length - 1L), "property"))
                .list().ofMaxSize(3);
        Arbitrary<List<LifeEvent>> events = Combinators.combine(Arbitraries.of(LifeEventType.class),
                        Arbitraries.integers().between(0, 365 * 70), Arbitraries.of("MMR", "KHM", "LAO", "VNM"))
                .as((type, day, country) -> new LifeEvent(type, LocalDate.of(1999, 1, 1).plusDays(day), country))
                .list().ofMaxSize(4);
        // Viet Nam's fund is in force from 2022-02-21, before every as-of date generated
        Arbitrary<List<InsuredMonth>> fees = Arbitraries.integers().between(0, 200)
                .map(m -> new InsuredMonth(YearMonth.of(2022, 3).plusMonths(m), new BigDecimal("100000"),
                        BigDecimal.ZERO, BigDecimal.ZERO))
                .list().ofMaxSize(2);
        return Combinators.combine(born, nationality, agreement, asOf, thai, foreign, events, fees)
                .as((b, n, a, day, months, periods, lives, paid) -> {
                    Map<String, List<InsuredMonth>> byScheme = new HashMap<>();
                    byScheme.put(S33, months);
                    byScheme.put("VN_OESF", paid);
                    return new EntitlementCase(b, n, byScheme, periods, lives, a, day);
                });
    }

    /** Months from 1999-01 + start, with a gap of {@code gap} months in the middle. */
    private static List<InsuredMonth> withGap(int start, int gap, List<BigDecimal> wages) {
        List<InsuredMonth> months = new ArrayList<>(wages.size());
        YearMonth period = FIRST_MONTH.plusMonths(start);
        for (int i = 0; i < wages.size(); i++) {
            if (i == wages.size() / 2) {
                period = period.plusMonths(gap);
            }
            BigDecimal oldAge = wages.get(i).multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP);
            months.add(new InsuredMonth(period, wages.get(i), oldAge, oldAge));
            period = period.plusMonths(1);
        }
        return months;
    }
}
