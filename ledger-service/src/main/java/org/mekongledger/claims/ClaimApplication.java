package org.mekongledger.claims;

import java.time.LocalDate;

import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.Payee;

/** What the claims desk (or an embassy officer) files for a worker: never an amount. */
public record ClaimApplication(String workerId, String scheme, String benefit, LocalDate asOf, ClaimGround ground,
                        Payee payee) {
}
