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
        List<SchemeLedger> schemes = new ArrayList<>(snapshot.balances().stream()
                .map(LedgerController::schemeLedger).toList());
        snapshot.feeBalances().forEach(fund -> schemes.add(new SchemeLedger()
                .scheme(Scheme.fromValue(fund.scheme()))
                .contributionMonths(fund.feeMonths())
                .balances(fund.byPayer().entrySet().stream().map(payer -> new Balance()
                        .payer(FeePayer.fromValue(payer.getKey()))
                        .amount(MoneyFormat.format(payer.getValue(), fund.currency()))
                        .currency(fund.currency())).toList())));
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

    private static SchemeLedger schemeLedger(LedgerQueries.SchemeBalance scheme) {
        List<Balance> balances = new ArrayList<>();
        scheme.balances().forEach((party, branches) -> branches.forEach((branch, amount) ->
                balances.add(new Balance().party(Party.fromValue(party.name())).branch(Branch.fromValue(branch.name()))
                        .amount(MoneyFormat.format(amount, scheme.currency())).currency(scheme.currency()))));
        return new SchemeLedger().scheme(Scheme.fromValue(scheme.scheme()))
                .contributionMonths(scheme.contributionMonths())
                .balances(balances);
    }

    private static String description(LedgerQueries.Entry entry) {
        String what = entry.isFee() ? entry.scheme() + " fee paid by " + entry.payer() : "Contribution";
        String prefix = entry.kind() == EntryKind.CONTRIBUTION ? what : "Reversal of " + what.toLowerCase(java.util.Locale.ROOT);
        return prefix + " " + entry.period() + (entry.isFee() ? "" : " from employer " + entry.employerAccount());
    }

    private static JournalEntry journalEntry(LedgerQueries.Entry entry) {
        return new JournalEntry()
                .entryId(entry.entryId())
                .kind(JournalEntry.KindEnum.fromValue(entry.isFee()
                        ? (entry.kind() == EntryKind.CONTRIBUTION ? "FEE" : "FEE_REVERSAL") : entry.kind().name()))
                .scheme(Scheme.fromValue(entry.scheme()))
                .period(entry.period())
                .filingId(entry.filingId())
                .employerAccount(entry.employerAccount())
                .description(description(entry))
                .bookedAt(entry.bookedAt().atOffset(ZoneOffset.UTC))
                .postings(entry.postings().stream().map(p -> new Posting()
                        .account(p.account())
                        .side(Posting.SideEnum.fromValue(p.side().name()))
                        .party(p.party() == null ? null : Party.fromValue(p.party().name()))
                        .branch(p.branch() == null ? null : Branch.fromValue(p.branch().name()))
                        .payer(p.payer() == null ? null : FeePayer.fromValue(p.payer()))
                        .amount(MoneyFormat.format(p.amount(), entry.currency()))
                        .currency(entry.currency())).toList());
    }
}
