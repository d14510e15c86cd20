package org.mekongledger.entitlement;

/**
 * What a bilateral agreement switches on, each independently (EU Regulation 883/2004; ILO C157).
 * The JSON name is the camel-case form used in the agreement files.
 */
public enum AgreementOption {
    /** Partner periods count toward the Thai qualifying thresholds (EU 883/2004 Art. 6). */
    TOTALISATION("totalisation"),
    /** A totalised pension is apportioned by Thai months / all months, the higher of that and the independent one paid (Art. 52). */
    PRO_RATA("proRata"),
    /** Thai periods too short to give a right alone are not paid as a pension; the national lump sum is (Art. 57). */
    SHORT_PERIOD_RULE("shortPeriodRule"),
    /** Benefits are paid to a residence abroad. */
    EXPORT_OF_BENEFITS("exportOfBenefits"),
    /** The old-age lump sum becomes payable at a recorded permanent departure, whatever the age. */
    LUMP_SUM_ON_PERMANENT_DEPARTURE("lumpSumOnPermanentDeparture");

    private final String jsonName;

    AgreementOption(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
