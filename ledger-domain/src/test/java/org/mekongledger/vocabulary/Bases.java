package org.mekongledger.vocabulary;

import java.util.List;

/** Legal bases for versions made up by tests: ASSUMED, saying so. */
public final class Bases {

    private Bases() {
    }

    public static LegalBasis test(String what) {
        return new LegalBasis(SourceStatus.ASSUMED, new Citation(what, "the test", "2026", "test code"), List.of(),
                "made up by a test", null);
    }
}
