package org.mekongledger.entitlement;

/** The case has months under a scheme whose rules have no version in force on the as-of date. */
public class NoRulesInForce extends CaseRefused {

    NoRulesInForce(String reason) {
        super(reason);
    }
}
