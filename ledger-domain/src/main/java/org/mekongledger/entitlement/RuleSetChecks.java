package org.mekongledger.entitlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** The validation every rule-set version shares; failures name the field, the reader adds the file. */
final class RuleSetChecks {

    private RuleSetChecks() {
    }

    static void header(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                       org.mekongledger.vocabulary.LegalBasis basis) {
        text(ruleSetId, "ruleSetId");
        text(version, "version");
        require(effectiveFrom != null, "effectiveFrom is required");
        require(status != null, "status is required");
        require(basis != null, "basis is required");
    }

    static void text(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
    }

    static void positive(int value, String field) {
        require(value > 0, field + " must be positive, was " + value);
    }

    static BigDecimal notNegative(BigDecimal value, String field) {
        require(value != null, field + " is required");
        require(value.signum() >= 0, field + " must not be negative, was " + value.toPlainString());
        return value;
    }

    /** An amount at the currency's minor unit: widened if given with fewer decimals, refused with more. */
    static BigDecimal money(BigDecimal value, String field, Currency currency) {
        notNegative(value, field);
        int scale = currency.getDefaultFractionDigits();
        require(value.stripTrailingZeros().scale() <= scale,
                field + " " + value.toPlainString() + " has more decimals than " + currency + " allows (" + scale + ")");
        return value.setScale(scale);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
