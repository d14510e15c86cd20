package org.mekongledger.entitlement;

/**
 * The case names a bilateral agreement it cannot be judged under: no such agreement, none in force
 * on the as-of date, or one for another nationality. Never a silent fall-back to national rules.
 */
public class AgreementRefused extends CaseRefused {

    AgreementRefused(String reason) {
        super(reason);
    }
}
