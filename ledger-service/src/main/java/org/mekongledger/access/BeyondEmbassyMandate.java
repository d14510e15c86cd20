package org.mekongledger.access;

import org.springframework.security.access.AccessDeniedException;

/** An embassy officer asked for a step only the fund's own officers take: answered 403 like any access refusal. */
public class BeyondEmbassyMandate extends AccessDeniedException {
    public BeyondEmbassyMandate(String message) {
        super(message);
    }
}
