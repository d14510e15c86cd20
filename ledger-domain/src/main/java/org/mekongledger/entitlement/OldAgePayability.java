package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LifeEventType;
import java.time.LocalDate;

/**
 * Decides from when an old-age benefit is payable. The national route is age AND end of insured
 * status (Sections 76-77). A lump sum has two more routes when the rules switch them on: invalidity
 * (national parameter) and permanent departure (agreement option). The earliest route whose
 * conditions are met wins.
 */
final class OldAgePayability {

    private OldAgePayability() {
    }

    /**
     * @param endedRecorded the last INSURED_STATUS_ENDED, as recorded
     * @param ended         the same, or null if insurance resumed after it
     */
    static Payability decide(OldAgeRuleSetVersion rules, AgreementRuleSetVersion agreement, boolean lumpSum,
                             LocalDate dateOfBirth, LocalDate endedRecorded, LocalDate ended, LifeEvents events,
                             LocalDate asOf, Explanation ex) {
        String prefix = rules.scheme() + ".OLD_AGE.";
        String endedText = endedRecorded == null ? "not recorded"
                : ended == null ? endedRecorded + ", superseded: insured again after it" : ended.toString();

        LocalDate ageReached = dateOfBirth.plusYears(rules.pensionableAgeYears());
        LocalDate national = ended == null || ended.isBefore(ageReached) ? ageReached : ended;
        ex.add(prefix + "PAYABLE_FROM", rules, national.toString(),
                "dateOfBirth", dateOfBirth.toString(),
                "pensionableAgeYears", Integer.toString(rules.pensionableAgeYears()),
                "pensionableAgeReached", ageReached.toString(),
                "insuredStatusEnded", endedText);
        LocalDate earliest = ended == null ? null : national;

        LocalDate invalidity = events.earliest(LifeEventType.INVALIDITY);
        if (lumpSum && invalidity != null && rules.invalidityPaysLumpSum()) {
            ex.add(prefix + "LUMP_SUM_ON_INVALIDITY", rules, invalidity.toString(), "invalidity", invalidity.toString());
            earliest = earlier(earliest, invalidity);
        }

        LifeEvent departure = events.permanentDeparture();
        if (lumpSum && departure != null && agreement != null
                && agreement.has(AgreementOption.LUMP_SUM_ON_PERMANENT_DEPARTURE)) {
            // leaving ends the Thai insurance; an end recorded later (a late employer filing) still counts
            LocalDate at = ended != null && ended.isAfter(departure.date()) ? ended : departure.date();
            ex.add(agreement.ruleSetId() + ".LUMP_SUM_ON_PERMANENT_DEPARTURE", agreement, at.toString(),
                    "permanentDeparture", departure.date().toString(),
                    "country", departure.country() == null ? "not recorded" : departure.country(),
                    "insuredStatusEnded", endedText);
            earliest = earlier(earliest, at);
        }

        boolean conditionsMet = earliest != null;
        LocalDate payableFrom = conditionsMet ? earliest : national;
        boolean eligible = conditionsMet && !asOf.isBefore(payableFrom);
        ex.add(prefix + "ELIGIBILITY", rules, Boolean.toString(eligible),
                "asOf", asOf.toString(),
                "payableFrom", payableFrom.toString(),
                "conditionsMet", conditionsMet ? "yes" : "no: insured status has not ended");
        return new Payability(payableFrom, conditionsMet, eligible);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
