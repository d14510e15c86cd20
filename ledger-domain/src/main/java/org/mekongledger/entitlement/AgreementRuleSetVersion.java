package org.mekongledger.entitlement;

import org.mekongledger.vocabulary.LegalBasis;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.mekongledger.entitlement.RuleSetChecks.header;
import static org.mekongledger.entitlement.RuleSetChecks.positive;
import static org.mekongledger.entitlement.RuleSetChecks.require;
import static org.mekongledger.entitlement.RuleSetChecks.text;

/**
 * One version of a bilateral social-security agreement. The rule-set id is the agreement id
 * (e.g. {@code TH-MM}), which is also the basis stated on every entitlement computed under it.
 *
 * @param scheme             the Thai scheme whose benefits the agreement coordinates, e.g. {@code TH_SSF_S33}
 * @param partnerNationality the nationals it applies to (ISO alpha-3), e.g. {@code MMR}
 * @param partnerSchemes     partner schemes whose periods count under totalisation, e.g. {@code MM_SSB}
 * @param shortPeriodMonths  12: Thai periods under this are not paid as a pension under the short-period rule
 */
public record AgreementRuleSetVersion(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                                      LegalBasis basis, String scheme, String partnerNationality,
                                      Set<String> partnerSchemes, int shortPeriodMonths, Set<AgreementOption> options,
                                      Map<String, String> partnerSchemeNotes)
        implements EntitlementRuleSetVersion {

    /** An agreement with nothing to note on its partner schemes. */
    public AgreementRuleSetVersion(String ruleSetId, String version, LocalDate effectiveFrom, RuleSetStatus status,
                                   LegalBasis basis, String scheme, String partnerNationality,
                                   Set<String> partnerSchemes, int shortPeriodMonths, Set<AgreementOption> options) {
        this(ruleSetId, version, effectiveFrom, status, basis, scheme, partnerNationality, partnerSchemes,
                shortPeriodMonths, options, Map.of());
    }

    public AgreementRuleSetVersion {
        header(ruleSetId, version, effectiveFrom, status, basis);
        require(!EntitlementCase.NO_AGREEMENT.equals(ruleSetId),
                EntitlementCase.NO_AGREEMENT + " means no agreement and cannot be an agreement id");
        require(!Entitlement.NATIONAL.equals(ruleSetId), Entitlement.NATIONAL + " cannot be an agreement id");
        text(scheme, "scheme");
        text(partnerNationality, "partnerNationality");
        partnerSchemeNotes = partnerSchemeNotes == null ? Map.of()
                : Collections.unmodifiableMap(new java.util.TreeMap<>(partnerSchemeNotes));
        require(partnerSchemes != null, "partnerSchemes is required");
        partnerSchemes.forEach(s -> text(s, "partnerSchemes[]"));
        partnerSchemes = Collections.unmodifiableSet(new TreeSet<>(partnerSchemes));
        positive(shortPeriodMonths, "shortPeriodMonths");
        require(options != null, "options is required");
        options = Collections.unmodifiableSet(options.isEmpty() ? EnumSet.noneOf(AgreementOption.class)
                : EnumSet.copyOf(options));
    }

    @Override
    public RuleSetKind kind() {
        return RuleSetKind.AGREEMENT;
    }

    public boolean has(AgreementOption option) {
        return options.contains(option);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scheme", scheme);
        p.put("partnerNationality", partnerNationality);
        p.put("partnerSchemes", List.copyOf(partnerSchemes));
        p.put("shortPeriodMonths", shortPeriodMonths);
        Map<String, Object> o = new LinkedHashMap<>();
        for (AgreementOption option : AgreementOption.values()) {
            o.put(option.jsonName(), has(option));
        }
        p.put("options", o);
        if (!partnerSchemeNotes.isEmpty()) {
            p.put("partnerSchemeNotes", partnerSchemeNotes);
        }
        return Collections.unmodifiableMap(p);
    }
}
