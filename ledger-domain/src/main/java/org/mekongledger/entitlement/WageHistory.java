package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.contribution.ContributionRuleBook;
import org.mekongledger.contribution.ContributionRuleSet;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.contribution.PersonMonthContribution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the engine's insured months from wage data: the simulations' ranges of months at one wage,
 * or contribution lines of several employers. Each month is computed with the contribution
 * rule-set version in force for it, so a history across a change of ceiling or rates is right
 * month by month.
 */
public final class WageHistory {

    private WageHistory() {
    }

    /**
     * Months at one monthly wage, inclusive at both ends.
     */
    public record WageRange(YearMonth from, YearMonth to, BigDecimal wage) {

        public WageRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(wage, "wage");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("wage range ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /**
     * The insured months of ranges of wages. Ranges that overlap are two employers in the same
     * months: each employer's contribution is computed on its own wage, and the month counts once
     * with the sum of the insurable wages capped at that month's ceiling.
     *
     * @throws IllegalArgumentException if the scheme has no contribution rules, none are in force for
     *                                  a month, or a wage is not a positive amount
     */
    public static List<InsuredMonth> insuredMonths(ContributionRuleBook contributions, String scheme,
                                                   List<WageRange> ranges) {
        ContributionRuleSet ruleSet = ruleSet(contributions, scheme);
        Map<YearMonth, InsuredMonth> byMonth = new TreeMap<>();
        for (WageRange range : ranges) {
            for (YearMonth month = range.from(); !month.isAfter(range.to()); month = month.plusMonths(1)) {
                PersonMonthContribution c = ruleSet.contributionFor(month, range.wage());
                add(byMonth, new InsuredMonth(month, c.insurableWage(),
                        c.share(Party.EMPLOYEE).branch(Branch.CHILD_ALLOWANCE_OLD_AGE),
                        c.share(Party.EMPLOYER).branch(Branch.CHILD_ALLOWANCE_OLD_AGE), c.ruleSetVersion()));
            }
        }
        return capped(ruleSet, byMonth);
    }

    /**
     * One insured month per period from contribution lines of several employers: old-age amounts
     * summed, insurable wages summed and capped at the ceiling in force for the month.
     */
    public static List<InsuredMonth> combineEmployers(ContributionRuleBook contributions, String scheme,
                                                      List<InsuredMonth> employerLines) {
        ContributionRuleSet ruleSet = ruleSet(contributions, scheme);
        Map<YearMonth, InsuredMonth> byMonth = new TreeMap<>();
        for (InsuredMonth line : employerLines) {
            add(byMonth, line);
        }
        return capped(ruleSet, byMonth);
    }

    private static void add(Map<YearMonth, InsuredMonth> byMonth, InsuredMonth line) {
        byMonth.merge(line.period(), line, (a, b) -> new InsuredMonth(a.period(),
                a.insurableWage().add(b.insurableWage()), a.employeeOldAge().add(b.employeeOldAge()),
                a.employerOldAge().add(b.employerOldAge()), joined(a.contributionVersion(), b.contributionVersion())));
    }

    /** The labels of both lines' versions, each once, in order: {@code 2024-01+2024-10-FLOOD}. */
    static String joined(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return a == null ? b : a;
        }
        java.util.TreeSet<String> labels = new java.util.TreeSet<>();
        labels(a, labels);
        labels(b, labels);
        return String.join("+", labels);
    }

    private static void labels(String joined, java.util.Set<String> into) {
        int start = 0;
        for (int plus = joined.indexOf('+'); plus >= 0; plus = joined.indexOf('+', start)) {
            into.add(joined.substring(start, plus));
            start = plus + 1;
        }
        into.add(joined.substring(start));
    }

    private static List<InsuredMonth> capped(ContributionRuleSet ruleSet, Map<YearMonth, InsuredMonth> byMonth) {
        List<InsuredMonth> months = new ArrayList<>(byMonth.size());
        for (InsuredMonth m : byMonth.values()) {
            BigDecimal ceiling = ruleSet.inForce(m.period())
                    .orElseThrow(() -> new IllegalArgumentException("no version of " + ruleSet.id()
                            + " in force for " + m.period()))
                    .wageCeiling();
            months.add(m.insurableWage().compareTo(ceiling) <= 0 ? m
                    : new InsuredMonth(m.period(), ceiling, m.employeeOldAge(), m.employerOldAge(),
                            m.contributionVersion()));
        }
        return List.copyOf(months);
    }

    private static ContributionRuleSet ruleSet(ContributionRuleBook contributions, String scheme) {
        return contributions.ruleSet(scheme)
                .orElseThrow(() -> new IllegalArgumentException("no contribution rule set for scheme " + scheme));
    }
}
