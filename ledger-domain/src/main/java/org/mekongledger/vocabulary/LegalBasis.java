package org.mekongledger.vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * What a rule-set version rests on: its source, how far that source is borne out, and what had to
 * be assumed. Shown with every figure computed under the version, so nobody takes an assumption
 * for the law.
 *
 * @param status         VERIFIED, REPORTED or ASSUMED
 * @param source         the best source of the version's figures
 * @param furtherSources other sources that report the same figures, possibly empty
 * @param assumption     in words, what is assumed; required when ASSUMED, and allowed otherwise for
 *                       a detail (e.g. the rounding) assumed within verified figures
 * @param note           what the version says, for a reader of the rule book; may be empty
 */
public record LegalBasis(SourceStatus status, Citation source, List<Citation> furtherSources, String assumption,
                         String note) {

    public LegalBasis {
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(source, "source is required");
        furtherSources = furtherSources == null ? List.of() : List.copyOf(furtherSources);
        assumption = assumption == null || assumption.isBlank() ? null : assumption.strip();
        note = note == null || note.isBlank() ? null : note.strip();
        if (status == SourceStatus.ASSUMED && assumption == null) {
            throw new IllegalArgumentException("an ASSUMED version must state its assumption in words");
        }
    }
}
