package org.mekongledger.ruleset;

import java.util.List;

import org.mekongledger.entitlement.RuleSetKind;
import org.mekongledger.entitlement.RuleSetStatus;

/** One rule set as the catalogue lists it, the same for every kind; versions in effectiveFrom order. */
public record RuleSetListing(String id, RuleSetKind kind, RuleSetStatus status, List<ListedVersion> versions) {

    public RuleSetListing {
        versions = List.copyOf(versions);
    }
}
