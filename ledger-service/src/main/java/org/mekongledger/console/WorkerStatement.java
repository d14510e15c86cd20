package org.mekongledger.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.web.contract.model.Worker;

/**
 * What a worker's printed statement says, before it is put into words: who they are, the months
 * insured in each year, what they and their employers paid in, what they are owed today and at 55,
 * and the code another office finds the record by. Language-free: {@link StatementLanguage} words it.
 *
 * @param fiftyFive      the worker's 55th birthday
 * @param owedAtFiftyFive empty when 55 is already reached: then it is what is owed today
 */
record WorkerStatement(Worker worker, LocalDate asOf, List<InsuredYear> insuredYears, List<PaidIn> paidIn,
                       List<Entitlement> owedToday, LocalDate fiftyFive, List<Entitlement> owedAtFiftyFive,
                       String code, String checkDigits) {

    /** The pensionable age of the Thai Social Security Fund (Sections 76-77). */
    static final int PENSIONABLE_AGE = 55;

    WorkerStatement {
        insuredYears = List.copyOf(insuredYears);
        paidIn = List.copyOf(paidIn);
        owedToday = List.copyOf(owedToday);
        owedAtFiftyFive = List.copyOf(owedAtFiftyFive);
    }

    /** Whether the worker had turned 55 by the statement's date. */
    public boolean fiftyFiveReached() {
        return !fiftyFive.isAfter(asOf);
    }

    /** Whether any month of a welfare fund is recorded (the column is left out otherwise). */
    public boolean welfareFund() {
        return insuredYears.stream().anyMatch(y -> y.welfareFundMonths() > 0);
    }

    /**
     * The entitlements with a claim deadline, today's first, each benefit and deadline once (today's
     * and at 55's often share both): what "how to claim" lists.
     */
    public List<Entitlement> deadlines() {
        java.util.Map<String, Entitlement> once = new java.util.LinkedHashMap<>();
        java.util.stream.Stream.concat(owedToday.stream(), owedAtFiftyFive.stream()).filter(e -> e.claimBy() != null)
                .forEach(e -> once.putIfAbsent(e.scheme() + " " + e.benefit() + " " + e.claimBy(), e));
        return List.copyOf(once.values());
    }

    /** A calendar year's months: with a standing Section 33 contribution, with a standing welfare-fund fee. */
    record InsuredYear(int year, int socialSecurityMonths, int welfareFundMonths) {
    }

    /** What was paid into the worker's account in one currency: their own share and their employers'. */
    record PaidIn(Currency currency, BigDecimal byWorker, BigDecimal byEmployers) {
    }
}
