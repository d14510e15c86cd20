package org.mekongledger.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.mekongledger.api.Assessment;
import org.mekongledger.api.AssessmentStep;
import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.UnknownRecord;
import org.mekongledger.assessment.WorkerEntitlements;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.entitlement.ExplanationStep;
import org.springframework.stereotype.Component;

/**
 * Asks the entitlement engine what a claimed benefit is worth: the stored worker's entitlements as
 * of the claim's date, with the claim's ground declared as on a simulation ("if they leave for
 * good"), and the one of the claim's scheme and benefit, kept as the claim's {@link Assessment}.
 */
@Component
class ClaimAssessments {

    private final WorkerEntitlements entitlements;

    ClaimAssessments(WorkerEntitlements entitlements) {
        this.entitlements = entitlements;
    }

    /** The engine's entitlement for the benefit; empty when it names no such benefit for the worker. */
    Optional<Entitlement> entitlement(String workerId, String scheme, String benefit, LocalDate asOf,
                                      ClaimGround ground) {
        List<Entitlement> all = entitlements.ofWorker(workerId, asOf, ground == null ? null : ground.type())
                .orElseThrow(() -> new UnknownRecord("worker", workerId));
        return all.stream()
                .filter(entitlement -> entitlement.scheme().equals(scheme) && entitlement.benefit().equals(benefit))
                .findFirst();
    }

    /**
     * The claim's benefit re-assessed now, for the approval; a benefit the engine no longer names
     * (every contribution reversed) is assessed as not payable, and the aggregate refuses to approve it.
     */
    Assessment reassessed(ClaimView claim) {
        return entitlement(claim.workerId(), claim.scheme(), claim.benefit(), claim.asOf(), claim.ground())
                .map(entitlement -> assessment(entitlement, claim.asOf()))
                .orElseGet(() -> new Assessment(false, nothingIn(claim.currency()), claim.currency(), null, null,
                        "the entitlement engine no longer finds " + claim.benefit() + " under " + claim.scheme()
                                + " for this worker on the facts recorded",
                        List.of(), List.of()));
    }

    private static BigDecimal nothingIn(String currency) {
        return BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    static Assessment assessment(Entitlement entitlement, LocalDate asOf) {
        List<AssessmentStep> steps = entitlement.explanation().stream().map(ClaimAssessments::step).toList();
        List<String> versions = entitlement.explanation().stream()
                .map(step -> step.ruleSetId() + "@" + step.ruleSetVersion())
                .distinct().toList();
        return new Assessment(entitlement.eligible(), entitlement.amount(), entitlement.currency().getCurrencyCode(),
                entitlement.basis(), entitlement.payableFrom(), refusal(entitlement, asOf), steps, versions,
                entitlement.claimBy());
    }

    /** Why the benefit is not payable on the as-of date, in the desk's words; null when it is. */
    private static String refusal(Entitlement entitlement, LocalDate asOf) {
        if (entitlement.eligible()) {
            return null;
        }
        if (entitlement.payableFrom() == null || !entitlement.payableFrom().isAfter(asOf)) {
            return "not payable on the facts recorded: the conditions for " + entitlement.benefit() + " are not met";
        }
        return "not payable before " + entitlement.payableFrom();
    }

    private static AssessmentStep step(ExplanationStep step) {
        return new AssessmentStep(step.ruleId(), step.ruleSetId(), step.ruleSetVersion(), step.inputs(), step.result());
    }
}
