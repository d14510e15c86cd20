package org.mekongledger.entitlement;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a computation, so that an officer can retrace the amount by hand. Inputs and result
 * are display strings: decimals in plain notation ("15333.33"), dates ISO, months YYYY-MM.
 *
 * @param ruleId e.g. {@code TH_SSF_S33.OLD_AGE.AVERAGE_WAGE}
 * @param inputs in the order a person would read them
 */
public record ExplanationStep(String ruleId, String ruleSetId, String ruleSetVersion, Map<String, String> inputs,
                              String result) {

    public ExplanationStep {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(ruleSetId, "ruleSetId");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(result, "result");
    }
}
