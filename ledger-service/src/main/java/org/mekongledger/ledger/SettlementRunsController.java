package org.mekongledger.ledger;

import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.SettlementRunsApi;
import org.mekongledger.web.contract.model.ClaimStatus;
import org.mekongledger.web.contract.model.SettlementRunLine;
import org.mekongledger.web.contract.model.SettlementRunPosting;
import org.mekongledger.web.contract.model.SettlementRunSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A settlement run as the ledger sees it, for the batch's reconciliation and for auditors. */
@RestController
@RequestMapping("/api/v1")
class SettlementRunsController implements SettlementRunsApi {

    private final SettlementRuns runs;
    private final JournalLag journalLag;

    SettlementRunsController(SettlementRuns runs, JournalLag journalLag) {
        this.runs = runs;
        this.journalLag = journalLag;
    }

    @Override
    public ResponseEntity<SettlementRunSummary> getSettlementRun(String settlementRun) {
        // the lag first: at 0, what follows holds every event stored before it was read
        long behind = journalLag.now();
        SettlementRuns.Summary summary = runs.of(settlementRun);
        return ResponseEntity.ok(new SettlementRunSummary()
                .settlementRun(settlementRun)
                .lines(summary.lines().stream().map(line -> new SettlementRunLine()
                        .paidCurrency(line.paidCurrency())
                        .status(ClaimStatus.fromValue(line.status()))
                        .claims(line.claims())
                        .amount(MoneyFormat.format(line.amount(), line.currency()))
                        .paidAmount(line.paidAmount().toPlainString())).toList())
                .postings(summary.postings().stream().map(posting -> new SettlementRunPosting()
                        .account(posting.account())
                        .debit(MoneyFormat.format(posting.debit(), posting.currency()))
                        .credit(MoneyFormat.format(posting.credit(), posting.currency()))).toList())
                .journalBehind(behind));
    }
}
