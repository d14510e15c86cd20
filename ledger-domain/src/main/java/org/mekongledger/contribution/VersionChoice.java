package org.mekongledger.contribution;

import java.util.Objects;

/**
 * The contribution version a filing was priced with, and why that one: where a version is limited
 * to some provinces, an officer must be able to see whether the employer's province put it inside.
 *
 * @param reason in words, e.g. "the employer's province TH-50 (Chiang Mai) is among the 55 provinces
 *               of version 2024-10-FLOOD (2024-10..2025-03)"
 */
public record VersionChoice(ContributionRuleSetVersion version, String reason) {

    public VersionChoice {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
    }
}
