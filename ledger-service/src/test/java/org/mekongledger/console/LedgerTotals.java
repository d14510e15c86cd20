package org.mekongledger.console;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/** What the API's ledger page says the worker and the employers paid, summed over every scheme and branch: what the console's pages must agree with. */
record LedgerTotals(BigDecimal byWorker, BigDecimal byEmployers) {

    static LedgerTotals of(JsonNode ledger) {
        BigDecimal byWorker = BigDecimal.ZERO;
        BigDecimal byEmployers = BigDecimal.ZERO;
        for (JsonNode scheme : ledger.path("schemes")) {
            for (JsonNode balance : scheme.path("balances")) {
                BigDecimal amount = new BigDecimal(balance.path("amount").asString());
                switch (balance.path("party").asString()) {
                    case "EMPLOYEE" -> byWorker = byWorker.add(amount);
                    case "EMPLOYER" -> byEmployers = byEmployers.add(amount);
                    default -> { }
                }
            }
        }
        return new LedgerTotals(byWorker, byEmployers);
    }
}
