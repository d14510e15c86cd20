package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the steps of one part of a computation. Entitlements are assembled from parts
 * (qualifying, payability, payment abroad, amount) so that the amount's steps always come last and
 * the last step's result is the amount.
 */
final class Explanation {

    private final ArrayList<ExplanationStep> steps;

    Explanation() {
        steps = new ArrayList<>(8);
    }

    private Explanation(List<ExplanationStep> copied) {
        steps = new ArrayList<>(copied.size() + 2);
        steps.addAll(copied);
    }

    /**
     * @param inputs alternating names and values; values are display strings (see {@link #plain})
     */
    void add(String ruleId, EntitlementRuleSetVersion rules, String result, String... inputs) {
        steps.add(new ExplanationStep(ruleId, rules.ruleSetId(), rules.version(), new StepInputs(inputs), result));
    }

    /** A step computed under a rule set that is not an entitlement rule set: a contribution version. */
    void add(String ruleId, String ruleSetId, String ruleSetVersion, String result, String... inputs) {
        steps.add(new ExplanationStep(ruleId, ruleSetId, ruleSetVersion, new StepInputs(inputs), result));
    }

    Explanation copy() {
        return new Explanation(steps);
    }

    /** The parts one after the other. */
    static List<ExplanationStep> join(Explanation... parts) {
        int size = 0;
        for (Explanation part : parts) {
            size += part.steps.size();
        }
        List<ExplanationStep> all = new ArrayList<>(size);
        for (Explanation part : parts) {
            all.addAll(part.steps);
        }
        return all;
    }

    List<ExplanationStep> steps() {
        return steps;
    }

    /** A decimal as people write it: never in exponent notation. */
    static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
