package org.mekongledger.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.ClaimCommands;
import org.mekongledger.api.ClaimCommands.RecordBankOutcomes;
import org.mekongledger.api.ClaimCommands.RecordClaimFailed;
import org.mekongledger.api.ClaimCommands.RecordClaimPaid;
import org.mekongledger.api.ClaimCommands.ScheduleClaim;
import org.mekongledger.api.ClaimCommands.ScheduleClaims;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.PaymentInstruction;
import org.mekongledger.web.contract.SettlementApi;
import org.mekongledger.web.contract.model.BankOutcome;
import org.mekongledger.web.contract.model.BankOutcomes;
import org.mekongledger.web.contract.model.ClaimSchedulings;
import org.mekongledger.web.contract.model.PayableClaimPage;
import org.mekongledger.web.contract.model.SettlementResult;
import org.mekongledger.web.contract.model.SettlementResults;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The settlement batch's endpoints, mapped onto {@link PayableClaims} and {@link SettlementSteps}. */
@RestController
@RequestMapping("/api/v1")
class SettlementController implements SettlementApi {

    private final PayableClaims payable;
    private final SettlementSteps steps;

    SettlementController(PayableClaims payable, SettlementSteps steps) {
        this.payable = payable;
        this.steps = steps;
    }

    @Override
    public ResponseEntity<PayableClaimPage> findPayableClaims(LocalDate approvedUpTo, String after, Integer limit) {
        return ResponseEntity.ok(new PayableClaimPage().claims(payable.page(approvedUpTo, after, limit == null ? 1000 : limit)));
    }

    @Override
    public ResponseEntity<SettlementResults> scheduleClaims(ClaimSchedulings request, String idempotencyKey) {
        List<SettlementSteps.Item<ScheduleClaim>> items = new ArrayList<>();
        List<org.mekongledger.web.contract.model.PaymentInstruction> instructions = request.getInstructions();
        for (int i = 0; i < instructions.size(); i++) {
            PaymentInstruction instruction = instruction(instructions.get(i));
            String claimId = instructions.get(i).getClaimId();
            items.add(new SettlementSteps.Item<>(i, claimId,
                    claim -> new ScheduleClaim(claim.workerId(), claimId, instruction),
                    claim -> claim.status() == ClaimStatus.SCHEDULED
                            && instruction.endToEndId().equals(claim.endToEndId())));
        }
        return ResponseEntity.ok(results(steps.run("instructions", items, ScheduleClaims::new, false)));
    }

    @Override
    public ResponseEntity<SettlementResults> recordBankOutcomes(BankOutcomes request, String idempotencyKey) {
        List<SettlementSteps.Item<ClaimCommands.BankOutcome>> items = new ArrayList<>();
        List<BankOutcome> outcomes = request.getOutcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            BankOutcome outcome = outcomes.get(i);
            String claimId = outcome.getClaimId();
            String reason = outcome.getReason() == null ? null : outcome.getReason().strip();
            items.add(outcome.getOutcome() == BankOutcome.OutcomeEnum.PAID
                    ? new SettlementSteps.Item<ClaimCommands.BankOutcome>(i, claimId,
                            claim -> new RecordClaimPaid(claim.workerId(), claimId, outcome.getEndToEndId(),
                                    outcome.getBankReference() == null ? outcome.getStatusReport() : outcome.getBankReference(),
                                    outcome.getStatusReport()),
                            claim -> claim.status() == ClaimStatus.PAID
                                    && outcome.getEndToEndId().equals(claim.endToEndId()))
                    : new SettlementSteps.Item<ClaimCommands.BankOutcome>(i, claimId,
                            claim -> new RecordClaimFailed(claim.workerId(), claimId, outcome.getEndToEndId(),
                                    outcome.getReasonCode(), reason, outcome.getStatusReport()),
                            claim -> claim.status() == ClaimStatus.FAILED
                                    && outcome.getEndToEndId().equals(claim.endToEndId())
                                    && SettlementSteps.same(outcome.getReasonCode(), claim.failureCode())));
        }
        return ResponseEntity.ok(results(steps.run("outcomes", items, RecordBankOutcomes::new,
                Boolean.TRUE.equals(request.getCheckOnly()))));
    }

    private static PaymentInstruction instruction(org.mekongledger.web.contract.model.PaymentInstruction sent) {
        return new PaymentInstruction(sent.getSettlementRun(), sent.getEndToEndId(), sent.getDebtorAccount(),
                new BigDecimal(sent.getAmount()), sent.getCurrency(), new BigDecimal(sent.getPaidAmount()),
                sent.getPaidCurrency(), new BigDecimal(sent.getRate()), sent.getRateDate(), sent.getRateSource().strip());
    }

    private static SettlementResults results(List<SettlementSteps.Result> results) {
        return new SettlementResults().results(results.stream().map(result -> new SettlementResult()
                .claimId(result.claimId())
                .status(org.mekongledger.web.contract.model.ClaimStatus.fromValue(result.status().name()))
                .recorded(SettlementResult.RecordedEnum.fromValue(result.recorded()))).toList());
    }
}
