package org.mekongledger.api;

import java.util.Map;

/** One step of the entitlement engine's explanation, as stored on a claim (the engine's ExplanationStep). */
public record AssessmentStep(String ruleId, String ruleSetId, String ruleSetVersion, Map<String, String> inputs,
                             String result) {
    public AssessmentStep {
        inputs = Map.copyOf(inputs);
    }
}
