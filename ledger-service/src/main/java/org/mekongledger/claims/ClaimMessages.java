package org.mekongledger.claims;

import java.util.List;

import java.time.LocalDate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.mekongledger.api.Assessment;
import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.MoneyFormat;
import org.mekongledger.web.contract.model.Claim;
import org.mekongledger.web.contract.model.ClaimAssessment;
import org.mekongledger.web.contract.model.ClaimHistoryEntry;
import org.mekongledger.web.contract.model.ClaimPayee;
import org.mekongledger.web.contract.model.ClaimStatus;
import org.mekongledger.web.contract.model.ExplanationStep;
import org.mekongledger.web.contract.model.Scheme;

/** Claims between the contract's shapes and the published language's, both ways. */
public final class ClaimMessages {

    private ClaimMessages() {
    }

    static Payee payee(ClaimPayee payee) {
        if (payee == null) {
            return null;
        }
        return new Payee(payee.getName().strip(), PaymentChannel.valueOf(payee.getChannel().getValue()),
                payee.getCountry(), payee.getCurrency(), payee.getBankBic(), stripped(payee.getBankCode()),
                stripped(payee.getAccountNumber()), stripped(payee.getWalletProvider()), payee.getMsisdn(),
                stripped(payee.getPickupPoint()));
    }

    static ClaimGround ground(org.mekongledger.web.contract.model.ClaimGround ground) {
        return ground == null ? null : new ClaimGround(LifeEventType.valueOf(ground.getType().getValue()),
                ground.getDate(), ground.getCountry());
    }

    static Claim claim(ClaimView claim) {
        return new Claim()
                .claimId(claim.claimId())
                .workerId(claim.workerId())
                .workerName(claim.workerName())
                .nationality(claim.nationality())
                .scheme(Scheme.fromValue(claim.scheme()))
                .benefit(claim.benefit())
                .asOf(claim.asOf())
                .ground(claim.ground() == null ? null : new org.mekongledger.web.contract.model.ClaimGround()
                        .type(org.mekongledger.web.contract.model.LifeEventType.fromValue(claim.ground().type().name()))
                        .date(claim.ground().date())
                        .country(claim.ground().country()))
                .status(ClaimStatus.fromValue(claim.status().name()))
                .amount(MoneyFormat.format(claim.amount(), claim.currency()))
                .currency(claim.currency())
                .payee(payee(claim.payee()))
                .payeeNameMatches(claim.payeeNameMatches())
                .claimBy(claimBy(claim))
                .filedLate(filedLate(claim))
                .warnings(warnings(claim))
                .filedAssessment(assessment(claim.filedAssessment()))
                .approvalAssessment(assessment(claim.approvalAssessment()))
                .filedBy(claim.filedBy())
                .filedAt(at(claim.filedAt()))
                .decidedBy(claim.decidedBy())
                .decidedAt(at(claim.decidedAt()))
                .reason(claim.reason())
                .settlementRun(claim.settlementRun())
                .instruction(instruction(claim.claimId(), claim.instruction()))
                .instructions(claim.instructions())
                .bankReference(claim.bankReference())
                .statusReport(claim.statusReport())
                .failureCode(claim.failureCode())
                .history(claim.history().stream().map(step -> new ClaimHistoryEntry()
                        .status(ClaimStatus.fromValue(step.status().name()))
                        .actor(step.actor())
                        .at(at(step.at()))
                        .reason(step.reason())).toList());
    }

    public static ClaimPayee payee(Payee payee) {
        return new ClaimPayee()
                .name(payee.name())
                .channel(ClaimPayee.ChannelEnum.fromValue(payee.channel().name()))
                .country(payee.country())
                .currency(payee.currency())
                .bankBic(payee.bankBic())
                .bankCode(payee.bankCode())
                .accountNumber(payee.accountNumber())
                .walletProvider(payee.walletProvider())
                .msisdn(payee.msisdn())
                .pickupPoint(payee.pickupPoint());
    }

    /** The payment instruction as the contract shows it: amounts with their currency's digits. */
    public static org.mekongledger.web.contract.model.PaymentInstruction instruction(
            String claimId, org.mekongledger.api.PaymentInstruction instruction) {
        if (instruction == null) {
            return null;
        }
        return new org.mekongledger.web.contract.model.PaymentInstruction()
                .claimId(claimId)
                .settlementRun(instruction.settlementRun())
                .endToEndId(instruction.endToEndId())
                .debtorAccount(instruction.debtorAccount())
                .amount(MoneyFormat.format(instruction.amount(), instruction.currency()))
                .currency(instruction.currency())
                .paidAmount(instruction.paidAmount().toPlainString())
                .paidCurrency(instruction.paidCurrency())
                .rate(instruction.rate().stripTrailingZeros().toPlainString())
                .rateDate(instruction.rateDate())
                .rateSource(instruction.rateSource());
    }

    private static LocalDate claimBy(ClaimView claim) {
        return claim.filedAssessment() == null ? null : claim.filedAssessment().claimBy();
    }

    /** Filed on a Bangkok day after the deadline its own assessment stated. */
    /** Filed after the deadline its filed assessment gave: taken, but the approver is warned. */
    public static boolean filedLate(ClaimView claim) {
        LocalDate claimBy = claimBy(claim);
        return claimBy != null && claim.filedAt() != null && claim.filedAt().atZone(ClaimProjection.FUND_DAY).toLocalDate().isAfter(claimBy);
    }

    private static List<String> warnings(ClaimView claim) {
        if (!filedLate(claim)) {
            return List.of();
        }
        return List.of("Filed on " + claim.filedAt().atZone(ClaimProjection.FUND_DAY).toLocalDate() + ", after the claim deadline of "
                + claimBy(claim) + ": the Social Security Office may refuse a late claim; record why it is late before"
                + " approving.");
    }

    private static ClaimAssessment assessment(Assessment assessment) {
        if (assessment == null) {
            return null;
        }
        return new ClaimAssessment()
                .eligible(assessment.eligible())
                .amount(MoneyFormat.format(assessment.amount(), assessment.currency()))
                .currency(assessment.currency())
                .basis(assessment.basis())
                .payableFrom(assessment.payableFrom())
                .claimBy(assessment.claimBy())
                .refusal(assessment.refusal())
                .explanation(assessment.explanation().stream().map(step -> new ExplanationStep()
                        .ruleId(step.ruleId())
                        .ruleSetId(step.ruleSetId())
                        .ruleSetVersion(step.ruleSetVersion())
                        .inputs(step.inputs())
                        .result(step.result())).toList())
                .ruleSetVersions(assessment.ruleSetVersions());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
