package org.mekongledger.entitlement;

/**
 * The case gives one scheme's month twice: two employers' lines must be summed and capped by
 * whoever builds the case ({@link WageHistory}); the engine does not guess which one is meant.
 */
public class MonthGivenTwice extends CaseRefused {

    MonthGivenTwice(String reason) {
        super(reason);
    }
}
