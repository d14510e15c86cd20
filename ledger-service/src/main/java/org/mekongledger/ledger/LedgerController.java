package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.LedgerApi;
import org.mekongledger.web.contract.model.AccountTotal;
import org.mekongledger.web.contract.model.Balance;
import org.mekongledger.web.contract.model.Branch;
import org.mekongledger.web.contract.model.FeePayer;
import org.mekongledger.web.contract.model.JournalEntry;
import org.mekongledger.web.contract.model.JournalPage;
import org.mekongledger.web.contract.model.JournalPayment;
import org.mekongledger.web.contract.model.Party;
import org.mekongledger.web.contract.model.Posting;
import org.mekongledger.web.contract.model.Scheme;
import org.mekongledger.web.contract.model.SchemeLedger;
import org.mekongledger.web.contract.model.TrialBalance;
import org.mekongledger.web.contract.model.WorkerLedger;
import org.mekongledger.registry.WorkerQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class LedgerController implements LedgerApi {

    private final LedgerQueries ledger;
    private final WorkerQueries workers;

    LedgerController(LedgerQueries ledger, WorkerQueries workers) {
        this.ledger = ledger;
        this.workers = workers;
    }

    @Override
    public ResponseEntity<WorkerLedger> getWorkerLedger(String workerId, Integer page, Integer size) {
        if (!workers.exists(workerId)) {
            throw new UnknownRecord("worker", workerId);
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        LedgerQueries.WorkerLedger snapshot = ledger.workerLedger(workerId, pageNumber, pageSize);
        List<SchemeLedger> schemes = snapshot.balances().stream().map(LedgerController::schemeLedger).toList();
        List<JournalEntry> entries = snapshot.entries().stream().map(LedgerController::journalEntry).toList();
        return ResponseEntity.ok(new WorkerLedger()
                .workerId(workerId)
                .schemes(schemes)
                .entries(new JournalPage().page(pageNumber).size(pageSize)
                        .totalEntries(snapshot.entryCount()).items(entries)));
    }

    @Override
    public ResponseEntity<TrialBalance> getTrialBalance(String currency) {
        String code = currency == null ? "THB" : currency;
        try {
            java.util.Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new RequestRefused("currency", code + " is not an ISO 4217 currency");
        }
        List<AccountTotal> accounts = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (LedgerQueries.AccountTotal total : ledger.trialBalance(code)) {
            accounts.add(new AccountTotal().account(total.account())
                    .debit(MoneyFormat.format(total.debit(), code))
                    .credit(MoneyFormat.format(total.credit(), code)));
            debit = debit.add(total.debit());
            credit = credit.add(total.credit());
        }
        return ResponseEntity.ok(new TrialBalance().currency(code).accounts(accounts)
                .totalDebit(MoneyFormat.format(debit, code))
                .totalCredit(MoneyFormat.format(credit, code)));
    }

    /** A scheme's balances, whatever its kind of line keeps them by (party and branch, or payer). */
    private static SchemeLedger schemeLedger(LedgerQueries.SchemeBalance scheme) {
        return new SchemeLedger().scheme(Scheme.fromValue(scheme.scheme()))
                .contributionMonths(scheme.months())
                .balances(scheme.balances().stream().map(balance -> new Balance()
                        .party(balance.party() == null ? null : Party.fromValue(balance.party().name()))
                        .branch(balance.branch() == null ? null : Branch.fromValue(balance.branch().name()))
                        .payer(balance.payer() == null ? null : FeePayer.fromValue(balance.payer()))
                        .amount(MoneyFormat.format(balance.amount(), scheme.currency()))
                        .currency(scheme.currency())).toList());
    }

    private static JournalEntry journalEntry(LedgerQueries.Entry entry) {
        JournalEntry journalEntry = new JournalEntry()
                .entryId(entry.entryId())
                .kind(JournalEntry.KindEnum.fromValue(entry.line().journalKind(entry.kind())))
                .scheme(Scheme.fromValue(entry.scheme()))
                .period(entry.period())
                .filingId(entry.filingId())
                .employerAccount(entry.employerAccount())
                .description(entry.line().description(entry))
                .bookedAt(entry.bookedAt().atOffset(ZoneOffset.UTC))
                .postings(entry.postings().stream().map(p -> new Posting()
                        .account(p.account())
                        .side(Posting.SideEnum.fromValue(p.side().name()))
                        .party(p.party() == null ? null : Party.fromValue(p.party().name()))
                        .branch(p.branch() == null ? null : Branch.fromValue(p.branch().name()))
                        .payer(p.payer() == null ? null : FeePayer.fromValue(p.payer()))
                        .amount(MoneyFormat.format(p.amount(), entry.currency()))
                        .currency(entry.currency())).toList());
        if (entry.line() instanceof BenefitEntry benefit) {
            benefitPart(journalEntry, benefit, entry.currency());
        }
        return journalEntry;
    }

    /** A benefit entry's claim and amount, and what its bank was instructed and reported. */
    private static void benefitPart(JournalEntry journalEntry, BenefitEntry benefit, String currency) {
        journalEntry.claimId(benefit.claimId())
                .benefit(benefit.benefit())
                .amount(MoneyFormat.format(benefit.amount(), currency))
                .currency(currency);
        BenefitEntry.Settlement settlement = benefit.settlement();
        if (settlement != null) {
            journalEntry.payment(new JournalPayment()
                    .settlementRun(settlement.settlementRun())
                    .endToEndId(settlement.endToEndId())
                    .debtorAccount(settlement.debtorAccount())
                    .paidAmount(settlement.paidAmount().toPlainString())
                    .paidCurrency(settlement.paidCurrency())
                    .rate(settlement.rate().toPlainString())
                    .rateDate(settlement.rateDate())
                    .rateSource(settlement.rateSource())
                    .bankReference(settlement.bankReference())
                    .statusReport(settlement.statusReport())
                    .reasonCode(settlement.reasonCode()));
        }
    }
}
