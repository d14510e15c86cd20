package org.mekongledger.settlement.bankfile;

import java.math.BigDecimal;

/**
 * One line of the settlement summary: the payments of one channel, debtor account (null for the
 * partner) and currency: how many, their approved THB total, the paid total in {@code currency},
 * the run date's rate (units of {@code currency} for one THB) and its source.
 */
public record SummaryLine(String channel, String debtorAccount, String currency, long payments, BigDecimal amountThb,
                          BigDecimal paidAmount, BigDecimal rate, String rateSource) {
}
