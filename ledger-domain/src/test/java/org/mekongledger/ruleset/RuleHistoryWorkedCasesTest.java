package org.mekongledger.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.contribution.PersonMonthContribution;
import org.mekongledger.contribution.VersionChoice;
import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;
import org.mekongledger.vocabulary.SourceStatus;

/**
 * One filing line in every era and every kind of month of the shipped rule history, worked by hand
 * at a wage of 10,000 baht (1,650 where the rounding is the point): which version prices it, its
 * status, and each party's share split over sickness etc. / child allowance and old age / unemployment.
 */
class RuleHistoryWorkedCasesTest {

    private static final ContributionRuleSet S33 = RuleSetFiles.shippedContributions().ruleSet("TH_SSF_S33")
            .orElseThrow();

    @ParameterizedTest(name = "{0} {1} at {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # month | province | wage     | version       | status   | employee: total smid caoa unemp | employer: total smid caoa unemp | government total
            1992-06 | -        | 10000.00 | 1991-01       | ASSUMED  | 150 150.00   0.00  0.00 | 150 150.00   0.00  0.00 | 150
            1995-06 | -        | 10000.00 | 1995-01       | REPORTED | 150 150.00   0.00  0.00 | 150 150.00   0.00  0.00 | 150
            2000-06 | -        | 10000.00 | 1999-01       | REPORTED | 250 150.00 100.00  0.00 | 250 150.00 100.00  0.00 | 250
            2003-06 | -        | 10000.00 | 2003-01       | ASSUMED  | 450 150.00 300.00  0.00 | 450 150.00 300.00  0.00 | 250
            2009-08 | -        | 10000.00 | 2009-07       | REPORTED | 300  50.00 200.00 50.00 | 300  50.00 200.00 50.00 | 275
            2009-08 | -        |  1650.00 | 2009-07       | REPORTED |  50   8.33  33.34  8.33 |  50   8.33  33.34  8.33 |  45
            2010-06 | -        | 10000.00 | 2010-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2012-03 | -        | 10000.00 | 2012-01       | REPORTED | 300  50.00 200.00 50.00 | 300  50.00 200.00 50.00 | 275
            2012-09 | -        | 10000.00 | 2012-07       | REPORTED | 400  50.00 300.00 50.00 | 400  50.00 300.00 50.00 | 275
            2013-06 | -        | 10000.00 | 2013-01       | REPORTED | 400  50.00 300.00 50.00 | 400  50.00 300.00 50.00 | 275
            2014-06 | -        | 10000.00 | 2014-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2020-04 | -        | 10000.00 | 2020-03       | ASSUMED  | 100  90.00   5.00  5.00 | 400 150.00 245.00  5.00 | 275
            2020-07 | -        | 10000.00 | 2020-06       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2020-10 | -        | 10000.00 | 2020-09       | ASSUMED  | 200 150.00  45.00  5.00 | 200 150.00  45.00  5.00 | 275
            2020-12 | -        | 10000.00 | 2020-12       | ASSUMED  | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2021-01 | -        | 10000.00 | 2021-01       | ASSUMED  | 300 150.00 145.00  5.00 | 300 150.00 145.00  5.00 | 275
            2021-03 | -        | 10000.00 | 2021-02       | ASSUMED  |  50  40.00   5.00  5.00 | 300 150.00 145.00  5.00 | 275
            2021-05 | -        | 10000.00 | 2021-04       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2021-07 | -        | 10000.00 | 2021-06       | ASSUMED  | 250 100.00 125.00 25.00 | 250 100.00 125.00 25.00 | 275
            2021-10 | -        | 10000.00 | 2021-09       | REPORTED | 250 150.00  95.00  5.00 | 250 150.00  95.00  5.00 | 275
            2022-02 | -        | 10000.00 | 2021-12       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2022-06 | -        | 10000.00 | 2022-05       | ASSUMED  | 100  90.00   5.00  5.00 | 100  90.00   5.00  5.00 | 275
            2022-09 | -        | 10000.00 | 2022-08       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2022-11 | -        | 10000.00 | 2022-10       | ASSUMED  | 300 150.00 145.00  5.00 | 300 150.00 145.00  5.00 | 275
            2023-06 | -        | 10000.00 | 2023-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2024-11 | TH-50    | 10000.00 | 2024-10-FLOOD | ASSUMED  | 300 150.00 145.00  5.00 | 300 150.00 145.00  5.00 | 275
            2024-11 | TH-10    | 10000.00 | 2023-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2024-11 | -        | 10000.00 | 2023-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2025-04 | TH-50    | 10000.00 | 2023-01       | REPORTED | 500 150.00 300.00 50.00 | 500 150.00 300.00 50.00 | 275
            2025-12 | TH-90    | 10000.00 | 2025-12-SOUTH | ASSUMED  | 300 150.00 145.00  5.00 | 300 150.00 145.00  5.00 | 275
            2026-03 | TH-90    | 20000.00 | 2026-01-SOUTH | ASSUMED  | 525 262.50 253.75  8.75 | 525 262.50 253.75  8.75 | 481
            2026-07 | TH-90    | 20000.00 | 2026-01       | REPORTED | 875 262.50 525.00 87.50 | 875 262.50 525.00 87.50 | 481
            """)
    void aLineIsPricedByTheVersionOfItsMonthAndProvince(String month, String province, String wage, String version,
                                                       SourceStatus status, String employee, String employer,
                                                       String government) {
        VersionChoice choice = S33.choose(YearMonth.parse(month), province).orElseThrow();
        assertThat(choice.version().version()).isEqualTo(version);
        assertThat(choice.version().basis().status()).isEqualTo(status);

        PersonMonthContribution line = choice.version().contributionFor(YearMonth.parse(month), new BigDecimal(wage));
        assertShare(line.share(Party.EMPLOYEE), employee);
        assertShare(line.share(Party.EMPLOYER), employer);
        assertThat(line.share(Party.GOVERNMENT).total()).isEqualByComparingTo(government);
    }

    private static void assertShare(PartyShare share, String expected) {
        String[] v = expected.trim().split("\\s+");
        assertThat(share.total()).isEqualByComparingTo(v[0]);
        assertThat(share.branch(Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH)).isEqualByComparingTo(v[1]);
        assertThat(share.branch(Branch.CHILD_ALLOWANCE_OLD_AGE)).isEqualByComparingTo(v[2]);
        assertThat(share.branch(Branch.UNEMPLOYMENT)).isEqualByComparingTo(v[3]);
    }
}
