package org.mekongledger.entitlement;

/**
 * The engine cannot judge the case as it was given: nothing is computed. A refusal of the case,
 * not a defect, so callers answer it to whoever described the case. Its kinds say which part of
 * the case is at fault, so no caller ever reads the message to find out.
 */
public class CaseRefused extends IllegalArgumentException {

    CaseRefused(String reason) {
        super(reason);
    }
}
