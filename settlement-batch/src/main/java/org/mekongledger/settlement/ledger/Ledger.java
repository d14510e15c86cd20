package org.mekongledger.settlement.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mekongledger.api.PaymentInstruction;

/**
 * What the batch asks of and tells the ledger service: the port the jobs are written against, so
 * they can be tested with a fake. The production adapter ({@link RestLedger}) is the client generated
 * from {@code ledger-api.yaml}; the service stays the only writer of events.
 */
public interface Ledger {

    /** The rates set for a day, by currency. */
    Map<String, Rate> fxRates(LocalDate date);

    /** One keyset page of APPROVED claims approved on or before {@code approvedUpTo}, by claim id. */
    List<PayableClaim> payableClaims(LocalDate approvedUpTo, String after, int limit);

    /** Tells the service these claims were instructed (all or nothing; at most 1,000). */
    void schedule(List<Scheduling> schedulings);

    /** Records (or with {@code checkOnly} only checks) what a bank said (all or nothing; at most 1,000). */
    void outcomes(List<Outcome> outcomes, boolean checkOnly);

    /** The run as the ledger sees it: its claims' states now and what the journal booked. */
    RunView run(String settlementRun);

    record Rate(String currency, BigDecimal rate, String rateText, String source) {
    }

    record PayableClaim(String claimId, String workerId, String scheme, String benefit, BigDecimal amount,
                        String currency, Payee payee, int instruction) {
    }

    record Scheduling(String claimId, PaymentInstruction instruction) {
    }

    record Outcome(String claimId, String endToEndId, boolean paid, String statusReport, String bankReference,
                   String reasonCode, String reason) {
    }

    record RunView(String settlementRun, List<RunLine> lines, List<Posting> postings, long journalBehind) {
    }

    record RunLine(String paidCurrency, String status, long claims, BigDecimal amount, BigDecimal paidAmount) {
    }

    record Posting(String account, BigDecimal debit, BigDecimal credit) {
    }
}
