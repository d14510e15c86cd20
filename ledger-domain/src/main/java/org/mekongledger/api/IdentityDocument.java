package org.mekongledger.api;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One identity document. Two documents are the same document when type, issuing country and
 * number match once spaces, dashes and letter case are ignored: clerks copy numbers differently.
 */
public record IdentityDocument(DocumentType type, String number, String issuingCountry, LocalDate validUntil) {

    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuingCountry, "issuingCountry");
    }

    /** The identity of the document itself, independent of how its number was typed. */
    public DocumentKey key() {
        return new DocumentKey(type, issuingCountry.toUpperCase(Locale.ROOT),
                number.replaceAll("[\\s/-]", "").toUpperCase(Locale.ROOT));
    }

    public record DocumentKey(DocumentType type, String issuingCountry, String number) {
        @Override
        public String toString() {
            return type + "/" + issuingCountry + "/" + number;
        }
    }
}
