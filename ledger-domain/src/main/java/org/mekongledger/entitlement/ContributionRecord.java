package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The insured months of one scheme in period order, each month once. Sorting is skipped when the
 * caller already gave them in order, which is the common case and the engine's hot path.
 */
final class ContributionRecord {

    private static final Comparator<InsuredMonth> BY_PERIOD = Comparator.comparing(InsuredMonth::period);

    private final InsuredMonth[] months;
    private int[] monthNumbers;

    private ContributionRecord(InsuredMonth[] months) {
        this.months = months;
    }

    /**
     * @throws MonthGivenTwice if a month is given twice: two employers' lines must be
     *                                  summed and capped by the caller, the engine does not guess
     */
    static ContributionRecord of(String scheme, List<InsuredMonth> list) {
        InsuredMonth[] months = list.toArray(new InsuredMonth[0]);
        if (!ascending(months)) {
            Arrays.sort(months, BY_PERIOD);
            for (int i = 1; i < months.length; i++) {
                if (months[i].period().equals(months[i - 1].period())) {
                    throw new MonthGivenTwice(scheme + " has two insured months for " + months[i].period()
                            + ": sum the employers' lines into one month capped at the ceiling");
                }
            }
        }
        return new ContributionRecord(months);
    }

    private static boolean ascending(InsuredMonth[] months) {
        for (int i = 1; i < months.length; i++) {
            if (months[i].period().compareTo(months[i - 1].period()) <= 0) {
                return false;
            }
        }
        return true;
    }

    int count() {
        return months.length;
    }

    InsuredMonth month(int index) {
        return months[index];
    }

    YearMonth firstPeriod() {
        return months[0].period();
    }

    YearMonth lastPeriod() {
        return months[months.length - 1].period();
    }

    BigDecimal employeeOldAge() {
        BigDecimal sum = BigDecimal.ZERO;
        for (InsuredMonth m : months) {
            sum = sum.add(m.employeeOldAge());
        }
        return sum;
    }

    BigDecimal employerOldAge() {
        BigDecimal sum = BigDecimal.ZERO;
        for (InsuredMonth m : months) {
            sum = sum.add(m.employerOldAge());
        }
        return sum;
    }

    /**
     * The old-age savings of the months computed under each contribution version, in the order the
     * versions first appear; empty when no month names its version.
     */
    List<VersionSavings> savingsByVersion() {
        java.util.Map<String, VersionSavings> byVersion = new java.util.LinkedHashMap<>();
        boolean anyNamed = false;
        // versions follow one another in time, so months are summed in runs and merged once per run
        int start = 0;
        for (int i = 1; i <= months.length; i++) {
            if (i < months.length && java.util.Objects.equals(months[i].contributionVersion(),
                    months[start].contributionVersion())) {
                continue;
            }
            String named = months[start].contributionVersion();
            anyNamed |= named != null;
            BigDecimal employee = BigDecimal.ZERO;
            BigDecimal employer = BigDecimal.ZERO;
            for (int m = start; m < i; m++) {
                employee = employee.add(months[m].employeeOldAge());
                employer = employer.add(months[m].employerOldAge());
            }
            String label = named == null ? NOT_RECORDED : named;
            byVersion.merge(label, new VersionSavings(label, i - start, months[start].period(), months[i - 1].period(),
                    employee, employer), VersionSavings::and);
            start = i;
        }
        return anyNamed ? List.copyOf(byVersion.values()) : List.of();
    }

    static final String NOT_RECORDED = "not recorded";

    /** The months of one contribution version and what they saved towards old age. */
    record VersionSavings(String version, int months, YearMonth first, YearMonth last, BigDecimal employeeOldAge,
                          BigDecimal employerOldAge) {

        VersionSavings and(VersionSavings later) {
            return new VersionSavings(version, months + later.months, first, later.last,
                    employeeOldAge.add(later.employeeOldAge), employerOldAge.add(later.employerOldAge));
        }
    }

    /** Month numbers (year x 12 + month - 1) in ascending order, for counting overlaps with ranges. */
    int[] monthNumbers() {
        if (monthNumbers == null) {
            int[] numbers = new int[months.length];
            for (int i = 0; i < months.length; i++) {
                numbers[i] = monthNumber(months[i].period());
            }
            monthNumbers = numbers;
        }
        return monthNumbers;
    }

    /** Whether any month is insured after the month of the day, e.g. after an end of insured status. */
    boolean insuredAfter(LocalDate day) {
        return monthNumber(lastPeriod()) > day.getYear() * 12 + day.getMonthValue() - 1;
    }

    static int monthNumber(YearMonth period) {
        return period.getYear() * 12 + period.getMonthValue() - 1;
    }
}
