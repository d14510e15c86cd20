package org.mekongledger.rulelibrary;

import java.util.List;

import org.mekongledger.vocabulary.LegalBasis;
import org.mekongledger.vocabulary.SourceStatus;
import org.mekongledger.web.contract.model.Citation;

/** A version's basis in the contract's words: its status and its source as a citation. */
public final class LegalBases {

    private LegalBases() {
    }

    public static org.mekongledger.web.contract.model.SourceStatus status(LegalBasis basis) {
        return org.mekongledger.web.contract.model.SourceStatus.fromValue(basis.status().name());
    }

    public static Citation citation(org.mekongledger.vocabulary.Citation citation) {
        return new Citation().title(citation.title()).issuer(citation.issuer()).date(citation.date())
                .reference(citation.reference());
    }

    /**
     * Each step with the status and the source of the version it was computed under, so an answer
     * resting on an assumed rate says so step by step. Steps are changed in place.
     */
    public static <T extends Iterable<org.mekongledger.web.contract.model.ExplanationStep>> T withBases(T steps,
                                                                                                      RuleLibrary rules) {
        if (steps != null) {
            for (org.mekongledger.web.contract.model.ExplanationStep step : steps) {
                rules.basis(step.getRuleSetId(), step.getRuleSetVersion()).ifPresent(basis ->
                        step.status(status(basis)).source(citation(basis.source())));
            }
        }
        return steps;
    }

    /** The request's basis; the domain refuses an ASSUMED one without its assumption. */
    static LegalBasis fromRequest(org.mekongledger.web.contract.model.SourceStatus status, Citation source,
                                  List<Citation> further, String assumption, String note) {
        return new LegalBasis(SourceStatus.valueOf(status.getValue()), domain(source),
                further == null ? List.of() : further.stream().map(LegalBases::domain).toList(), assumption, note);
    }

    private static org.mekongledger.vocabulary.Citation domain(Citation c) {
        return new org.mekongledger.vocabulary.Citation(c.getTitle(), c.getIssuer(), c.getDate(), c.getReference());
    }
}
