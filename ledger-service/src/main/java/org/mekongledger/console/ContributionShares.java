package org.mekongledger.console;

import java.util.List;
import java.util.TreeMap;
import java.time.YearMonth;

import org.mekongledger.ledger.LedgerQueries;
import org.mekongledger.vocabulary.FeePayer;
import org.mekongledger.vocabulary.Party;

/**
 * Who paid a balance, as the worker is told it: the worker (their party's branches, the welfare-fund
 * fees they paid) or their employers (the employer party's branches, the fees employers paid). The
 * government's share and fees a recruitment agency paid are neither. The contributions page and
 * the statement say the same.
 */
final class ContributionShares {

    private ContributionShares() {
    }

    static boolean paidByWorker(LedgerQueries.Balance balance) {
        return balance.party() == Party.EMPLOYEE || FeePayer.WORKER.name().equals(balance.payer());
    }

    static boolean paidByEmployers(LedgerQueries.Balance balance) {
        return balance.party() == Party.EMPLOYER || FeePayer.EMPLOYER.name().equals(balance.payer());
    }

    /** Months with a standing contribution, per calendar year, in year order. */
    static TreeMap<Integer, Integer> monthsPerYear(List<LedgerQueries.StandingMonth> standing) {
        TreeMap<Integer, Integer> perYear = new TreeMap<>();
        for (LedgerQueries.StandingMonth month : standing) {
            perYear.merge(YearMonth.parse(month.period()).getYear(), 1, Integer::sum);
        }
        return perYear;
    }
}
