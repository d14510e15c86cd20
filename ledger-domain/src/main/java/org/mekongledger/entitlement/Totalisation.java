package org.mekongledger.entitlement;

import java.util.Arrays;
import java.util.List;

/**
 * Counts the months that qualify for the old-age thresholds: the scheme's own months, plus under an
 * agreement with totalisation the partner schemes' months. A month insured in both countries counts
 * once (EU 883/2004 Art. 6 adds periods, it does not double them), and overlapping partner periods
 * count once too.
 */
final class Totalisation {

    private Totalisation() {
    }

    static int qualifyingMonths(OldAgeRuleSetVersion rules, AgreementRuleSetVersion agreement,
                                ContributionRecord record, List<ForeignPeriod> foreignPeriods, Explanation ex) {
        int own = record.count();
        if (agreement == null || !agreement.has(AgreementOption.TOTALISATION)) {
            if (!foreignPeriods.isEmpty()) {
                ex.add(rules.scheme() + ".OLD_AGE.FOREIGN_PERIODS", agreement == null ? rules : agreement,
                        "not counted", "foreignPeriods", Integer.toString(foreignPeriods.size()), "reason",
                        agreement == null ? "no agreement applies" : "the agreement has no totalisation");
            }
            return own;
        }
        int[] ranges = partnerRanges(agreement, foreignPeriods);
        int counted = 0;
        int overlapping = 0;
        int[] ownMonths = ranges.length == 0 ? null : record.monthNumbers();
        for (int i = 0; i < ranges.length; i += 2) {
            int both = countWithin(ownMonths, ranges[i], ranges[i + 1]);
            overlapping += both;
            counted += ranges[i + 1] - ranges[i] + 1 - both;
        }
        int total = own + counted;
        ex.add(agreement.ruleSetId() + ".TOTALISATION", agreement, Integer.toString(total),
                "thaiMonths", Integer.toString(own),
                "partnerMonths", Integer.toString(counted),
                "partnerMonthsAlsoInsuredInThailand", Integer.toString(overlapping),
                "partnerSchemes", String.join(",", agreement.partnerSchemes()));
        // e.g. periods a worker withdrew as a lump sum at home no longer exist to be added
        for (ForeignPeriod p : foreignPeriods) {
            String note = agreement.partnerSchemeNotes().get(p.scheme());
            if (note != null) {
                ex.add(agreement.ruleSetId() + ".PARTNER_SCHEME_NOTE", agreement, "check before counting",
                        "scheme", p.scheme(), "note", note);
                break;
            }
        }
        return total;
    }

    /** The agreement's partner periods as merged, sorted [from, to] month-number pairs. */
    private static int[] partnerRanges(AgreementRuleSetVersion agreement, List<ForeignPeriod> foreignPeriods) {
        long[] packed = new long[foreignPeriods.size()];
        int n = 0;
        for (ForeignPeriod p : foreignPeriods) {
            if (agreement.partnerSchemes().contains(p.scheme())) {
                // from in the high half so that sorting the longs sorts by from
                packed[n++] = ((long) ContributionRecord.monthNumber(p.from()) << 32)
                        | (ContributionRecord.monthNumber(p.to()) & 0xffffffffL);
            }
        }
        Arrays.sort(packed, 0, n);
        int[] merged = new int[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int from = (int) (packed[i] >> 32);
            int to = (int) packed[i];
            if (m > 0 && from <= merged[m - 1] + 1) {
                merged[m - 1] = Math.max(merged[m - 1], to);
            } else {
                merged[m++] = from;
                merged[m++] = to;
            }
        }
        return Arrays.copyOf(merged, m);
    }

    /** How many of the ascending month numbers lie in [from, to]. */
    private static int countWithin(int[] ascending, int from, int to) {
        return firstAtLeast(ascending, to + 1) - firstAtLeast(ascending, from);
    }

    private static int firstAtLeast(int[] ascending, int value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
