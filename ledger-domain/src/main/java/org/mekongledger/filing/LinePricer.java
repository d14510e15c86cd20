package org.mekongledger.filing;

import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.mekongledger.account.WorkerAccount;
import org.mekongledger.api.FileContributions;
import org.mekongledger.api.Violation;

/**
 * Checks and prices the lines of one kind of filing under its scheme's rules, records a priced line
 * on the worker's account, and reads back what a filing recorded there. One implementation per kind
 * of line ({@link WagePricer}, {@link FeePricer}); {@link LinePricers} picks it from the scheme, so
 * {@link FilingIntake} takes every kind of filing by one flow. A pricer serves one filing: it
 * remembers the lines it has seen, to find duplicates.
 */
interface LinePricer<R extends FilingReceipt.Line> {

    /**
     * A pricer for the scheme's version in force for the period and the employer's province (an
     * ISO 3166-2:TH code, or null when not recorded); names the period (or scheme) when none is.
     */
    LinePricer<R> inForce(YearMonth period, String province, List<Violation> violations);

    /**
     * Adds what is wrong with the line at {@code index} (a line of another kind lacks what this kind
     * needs, and is refused for that); answers the line priced when nothing is and the version is known.
     */
    Optional<R> price(int index, FileContributions.Line line, List<Violation> violations);

    /** The version that priced the lines: known once {@link #inForce} found one. */
    String version();

    /** Why that version, in words (which province put the filing inside or outside a limited version). */
    String reason();

    Currency currency();

    /** Records a priced line on the worker's account, as one event of its kind. */
    void record(WorkerAccount account, FileContributions filing, R line);

    /** What the filing recorded on the account and still stands, as priced lines; a reversal answers them. */
    List<R> standing(WorkerAccount account, String filingId);
}
