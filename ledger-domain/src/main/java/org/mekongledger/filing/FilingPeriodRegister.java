package org.mekongledger.filing;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Set-wide rule that an employer has at most one standing filing per scheme and period. Takes part
 * in the transaction that records the filing.
 */
public interface FilingPeriodRegister {

    /** Claims the period for the filing; answers the standing filing when the period is taken. */
    Optional<String> claim(String scheme, String employerAccount, YearMonth period, String filingId);

    /** Frees the period after the filing was reversed, so a corrected filing can be sent. */
    void release(String scheme, String employerAccount, YearMonth period, String filingId);
}
