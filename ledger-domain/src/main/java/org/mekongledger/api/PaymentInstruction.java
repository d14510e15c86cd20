package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a settlement run told a bank to pay on a claim: the approved amount in the fund's currency,
 * converted at the run's rate into the payee's currency, rounded half-up to that currency's ISO 4217
 * minor units. Kept whole on the claim's events, so a run's files can be written again byte for byte
 * and the journal books the payment without asking anyone.
 *
 * @param settlementRun the run's id (e.g. {@code SR-2026-12-01})
 * @param endToEndId    the pain.001 EndToEndId, unique per instruction; a bank's status report names it
 * @param debtorAccount the fund account the payment is made from, as the batch configures it
 * @param amount        the approved amount, in {@code currency} (THB)
 * @param paidAmount    what the payee receives, in {@code paidCurrency}
 * @param rate          units of {@code paidCurrency} for one unit of {@code currency}
 * @param rateDate      the day the rate was set for (the run date)
 * @param rateSource    where the rate came from, as the fund administrator recorded it
 */
public record PaymentInstruction(String settlementRun, String endToEndId, String debtorAccount, BigDecimal amount,
                                 String currency, BigDecimal paidAmount, String paidCurrency, BigDecimal rate,
                                 LocalDate rateDate, String rateSource) {
}
