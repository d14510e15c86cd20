package org.mekongledger.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.mekongledger.api.RequestRefused;

/**
 * The ordering rule of every rule set's history, whatever its kind: a new version takes a label not
 * used before and takes effect strictly after the latest version. Versions are only appended,
 * because rewriting the rules of a month that may already be filed and paid is a correction with its
 * own audit trail, not an edit.
 */
record VersionHistory(String ruleSetId, List<Mark> versions) {

    /** One version as the ordering rule sees it. */
    record Mark(String version, LocalDate effectiveFrom) {
    }

    VersionHistory {
        versions = List.copyOf(versions);
    }

    static VersionHistory empty(String ruleSetId) {
        return new VersionHistory(ruleSetId, List.of());
    }

    /**
     * @throws RequestRefused on field {@code version} for a label already used, or on field
     *                        {@code effectiveFrom} for a date not after the latest version's
     */
    void requireRoomFor(String version, LocalDate effectiveFrom) {
        if (versions.stream().anyMatch(v -> v.version().equals(version))) {
            throw new RequestRefused("version", ruleSetId + " already has a version labelled " + version);
        }
        if (!versions.isEmpty()) {
            Mark latest = versions.get(versions.size() - 1);
            if (!effectiveFrom.isAfter(latest.effectiveFrom())) {
                throw new RequestRefused("effectiveFrom", "must be after " + latest.effectiveFrom()
                        + ", when the latest version " + latest.version() + " took effect");
            }
        }
    }

    /** This history with the version appended; an event already recorded is taken as it is. */
    VersionHistory and(String version, LocalDate effectiveFrom) {
        List<Mark> appended = new ArrayList<>(versions);
        appended.add(new Mark(version, effectiveFrom));
        return new VersionHistory(ruleSetId, appended);
    }
}
