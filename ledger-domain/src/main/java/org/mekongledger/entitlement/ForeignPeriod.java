package org.mekongledger.entitlement;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Months of insurance certified by a partner institution (like the EU's P5000), inclusive at both
 * ends. Whether they count depends on the agreement that applies, not on this record.
 *
 * @param scheme e.g. KH_NSSF_PENSION, LA_LSSO, MM_SSB, VN_VSS
 * @param source the certifying institution and document reference
 */
public record ForeignPeriod(String scheme, YearMonth from, YearMonth to, String source) {

    public ForeignPeriod {
        if (scheme == null || scheme.isBlank()) {
            throw new IllegalArgumentException("scheme of a foreign period is required");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("foreign period of " + scheme + " ends (" + to
                    + ") before it starts (" + from + ")");
        }
    }
}
