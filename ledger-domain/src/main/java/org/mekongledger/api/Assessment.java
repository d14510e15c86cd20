package org.mekongledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the entitlement engine said a claimed benefit is worth when it was asked, kept on the claim
 * so that the amount can be retraced later whatever the rules become.
 *
 * @param amount          in the scheme's currency at its minor unit
 * @param payableFrom     null if never payable on the facts recorded
 * @param refusal         why the benefit is not payable (ineligible or not yet payable), null if it is
 * @param ruleSetVersions every rule-set version the explanation used, as {@code ruleSetId@version}
 * @param claimBy         the last day a claim was in time; null where none is set (or assessed before deadlines were kept)
 */
public record Assessment(boolean eligible, BigDecimal amount, String currency, String basis, LocalDate payableFrom,
                        String refusal, List<AssessmentStep> explanation, List<String> ruleSetVersions,
                        LocalDate claimBy) {
    public Assessment {
        explanation = List.copyOf(explanation);
        ruleSetVersions = List.copyOf(ruleSetVersions);
    }

    public Assessment(boolean eligible, BigDecimal amount, String currency, String basis, LocalDate payableFrom,
                      String refusal, List<AssessmentStep> explanation, List<String> ruleSetVersions) {
        this(eligible, amount, currency, basis, payableFrom, refusal, explanation, ruleSetVersions, null);
    }
}
